import { eventually } from '@bildungsraum/testing';
import { NeedsHarness, startNeeds } from './support/needs-harness';
import { PartnersFeed } from './support/partners-feed';

interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  created: number;
  invalid: number;
  duplicate?: boolean;
  errors: Array<{ line: number; reasons: string[] }>;
}

describe('bulk intake from CSV (survey spreadsheets)', () => {
  let h: NeedsHarness;
  let feed: PartnersFeed;
  let coordinator: string;
  let token: string;
  let metallbau: string;

  beforeAll(async () => {
    h = await startNeeds('needscsv');
    feed = new PartnersFeed(h);
    coordinator = await feed.organisation('Bildungscoaching Schwalm-Eder', 'coordinating_body');
    metallbau = await feed.company('Metallbau Korbach GmbH');
    const holzbau = await feed.company('Holzbau Frankenberg');
    await feed.network('Weiterbildungsverbund Nordhessen', [
      { partnerId: coordinator, role: 'coordinator' },
      { partnerId: metallbau, role: 'member' },
      { partnerId: holzbau, role: 'member' },
    ]);
    token = await h.token('coordinator', coordinator);
  });
  afterAll(() => h?.close());

  async function upload(body: Record<string, unknown>): Promise<{ status: number; job: Job }> {
    const response = await h.http().post('/need-imports').set('Authorization', `Bearer ${token}`).send(body);
    return { status: response.status, job: response.body as Job };
  }

  async function finished(id: string): Promise<Job> {
    return eventually(async () => {
      const job = (await h.http().get(`/need-imports/${id}`).set('Authorization', `Bearer ${token}`)).body as Job;
      if (job.status === 'running') throw new Error(`running: ${job.processed}/${job.total}`);
      return job;
    });
  }

  it('semicolons, BOM, German headers and values: valid rows become needs, each invalid row is reported with its line and reasons', async () => {
    const csv = [
      'Unternehmen;Bedarf;Teilnehmende;Zielgruppe;PLZ;Frühester Beginn;Spätestes Ende;Budget pro Person;Förderberatung;Format;Davon 45+',
      'Metallbau Korbach GmbH;Staplerschein für das Lager;2;Beschäftigte;34497;01.03.2030;30.06.2030;450,00 €;ja;Präsenz;1',
      'Holzbau Frankenberg;"CNC-Grundlagen; Fräsen und Drehen";3;Auszubildende|Beschäftigte;;2030-04-01;2030-09-30;1.250,50;nein;Präsenz,Blended;0',
      'Metallbau Korbach GmbH;;2;Beschäftigte;34497;;;;;;',
      'Unbekannt GmbH;Schweißen;zwei;Rentner;99999;31.02.2030;;;vielleicht;;',
      'Metallbau Korbach GmbH;Staplerschein;1;Beschäftigte;34497;;;;;;5',
    ].join('\r\n');
    const { status, job } = await upload({ fileName: 'umfrage.csv', contentBase64: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]).toString('base64'), submit: true });
    expect(status).toBe(202);
    const done = await finished(job.id);
    expect(done).toMatchObject({ status: 'completed', total: 5, processed: 5, created: 2, invalid: 3 });
    expect(done.errors.map((error) => error.line)).toEqual([4, 5, 6]);
    expect(done.errors[0]?.reasons.join(' ')).toContain('description');
    const unknown = done.errors[1]?.reasons.join(' ') ?? '';
    expect(unknown).toMatch(/teilnehmende/i);
    expect(unknown).toMatch(/zielgruppe/i);
    expect(unknown).toMatch(/förderberatung/i);
    expect(done.errors[2]?.reasons.join(' ')).toContain('participantsAged45Plus');

    const list = await h.http().get(`/needs?status=submitted&q=cnc`).set('Authorization', `Bearer ${token}`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].content).toMatchObject({ participants: 3, targetGroups: ['apprentices', 'employees'], budgetPerParticipantCents: 125050, formats: ['in_person', 'blended'], earliestStart: '2030-04-01' });
    expect(list.body.items[0].capturedBy).toMatchObject({ partnerId: coordinator, role: 'coordinator' });
    await eventually(async () => (await h.streamEvents()).filter((event) => event.type === 'needs.need.submitted.v1').length === 2);
  });

  it('the same file twice creates nothing new', async () => {
    const csv = 'Unternehmen-ID,Bedarf,Teilnehmende\n' + `${metallbau},Hydraulik-Schulung,4\n`;
    const first = await upload({ content: csv });
    await finished(first.job.id);
    const second = await upload({ content: csv });
    expect(second.status).toBe(200);
    expect(second.job).toMatchObject({ id: first.job.id, duplicate: true, created: 1 });
    const needs = await h.query(`SELECT count(*)::int AS n FROM needs.needs WHERE description = 'Hydraulik-Schulung'`);
    expect(needs).toEqual([{ n: 1 }]);
  });

  it('large uploads show progress and finish', async () => {
    const rows = Array.from({ length: 1200 }, (_, index) => `Metallbau Korbach GmbH;Schulung ${index};1`);
    const { job } = await upload({ content: ['Unternehmen;Bedarf;Teilnehmende', ...rows].join('\n') });
    const done = await finished(job.id);
    expect(done).toMatchObject({ status: 'completed', total: 1200, processed: 1200, created: 1200, invalid: 0 });
  });

  it('a job left running by a stopped replica is resumed by another and finishes without duplicates', async () => {
    const id = '9a8b7c6d-0000-4000-8000-000000000001';
    const content = ['Unternehmen;Bedarf;Teilnehmende', ...Array.from({ length: 450 }, (_, index) => `Metallbau Korbach GmbH;Liegengeblieben ${index};1`)].join('\n');
    await h.query(
      `INSERT INTO needs.import_jobs (id, owner_partner_id, created_by, roles, content_sha256, submit, status, content, updated_at)
       VALUES ($1, $2, 'coach', '{coordinator}', 'resume-test', false, 'running', $3, now() - interval '5 minutes')`,
      [id, coordinator, content],
    );
    await h.imports().resumeStale();
    const done = await finished(id);
    expect(done).toMatchObject({ status: 'completed', total: 450, processed: 450, created: 450 });
    expect(await h.query(`SELECT count(*)::int AS n FROM needs.needs WHERE import_job_id = $1`, [id])).toEqual([{ n: 450 }]);
  });

  it('refuses files without required columns, empty files and bodies that are not a file', async () => {
    const missing = await upload({ content: 'Firma;Wunsch\nA;B\n' });
    expect((await finished(missing.job.id)).errors[0]?.reasons[0]).toContain('description');
    expect((await upload({ content: 'Unternehmen;Bedarf;Teilnehmende\n' })).status).toBe(422);
    expect((await upload({ content: 'x', contentBase64: 'eA==' })).status).toBe(422);
    expect((await upload({ content: 42 })).status).toBe(400);
  });
  describe('the spreadsheet itself, sent as text/csv', () => {
    const sendCsv = (csv: string | Buffer, query = '', auth: string | undefined = token) => {
      const call = h.http().post(`/need-imports${query}`).set('Content-Type', 'text/csv; charset=utf-8');
      return (auth ? call.set('Authorization', `Bearer ${auth}`) : call).send(csv);
    };

    it('creates the valid rows like a JSON upload, with fileName and submit from the query', async () => {
      const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Unternehmen,Bedarf,Teilnehmende\r\nHolzbau Frankenberg,Kettensägen-Lehrgang,2\r\n', 'utf8')]);
      const response = await sendCsv(csv, '?fileName=umfrage-holz.csv&submit=true');
      expect(response.status).toBe(202);
      expect(response.headers.location).toBe(`/need-imports/${response.body.id}`);
      const done = await finished(response.body.id);
      expect(done).toMatchObject({ status: 'completed', total: 1, created: 1, invalid: 0, fileName: 'umfrage-holz.csv' });
      const list = await h.http().get('/needs?status=submitted&q=Kettensägen').set('Authorization', `Bearer ${token}`);
      expect(list.body.items).toHaveLength(1);
    });

    it('is the same upload as the same bytes sent as JSON (idempotent across both formats)', async () => {
      const csv = 'Unternehmen;Bedarf;Teilnehmende\nMetallbau Korbach GmbH;Pneumatik-Grundkurs;3\n';
      const first = await upload({ content: csv });
      await finished(first.job.id);
      const second = await sendCsv(csv);
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ id: first.job.id, duplicate: true });
    });

    it('refuses what is not UTF-8, oversized files, bad query values, other media types and callers without the right role', async () => {
      const latin1 = await sendCsv(Buffer.from('Unternehmen;Bedarf;Teilnehmende\nMüller;Schweißen;2\n', 'latin1'));
      expect(latin1.status).toBe(422);
      expect(latin1.headers['content-type']).toMatch(/^application\/problem\+json/);
      const oversized = await sendCsv(Buffer.alloc(4 * 1024 * 1024 + 1, 'a'));
      expect(oversized.status).toBe(413);
      expect(oversized.body.limit).toBe('4mb');
      const badSubmit = await sendCsv('Unternehmen;Bedarf;Teilnehmende\nA;B;1\n', '?submit=vielleicht');
      expect(badSubmit.status).toBe(400);
      expect(badSubmit.body.errors).toEqual([expect.objectContaining({ field: 'submit' })]);
      const xml = await h.http().post('/need-imports').set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/xml').send('<a/>');
      expect(xml.status).toBe(415);
      expect((await sendCsv('Unternehmen;Bedarf;Teilnehmende\nA;B;1\n', '', '')).status).toBe(401);
      const provider = await h.token('provider', await feed.organisation('Bildungswerk Nordhessen', 'provider'));
      expect((await sendCsv('Unternehmen;Bedarf;Teilnehmende\nA;B;1\n', '', provider)).status).toBe(403);
    });
  });
});
