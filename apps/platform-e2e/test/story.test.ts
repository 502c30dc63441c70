import { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { CloudEvent, DEAD_LETTER_STREAM, prefixedName } from '@bildungsraum/contracts';
import { readStream, RunningPlatform, startPlatform } from '@bildungsraum/testing';
import { Mailbox } from './support/mailbox';
import { Counts, emailsByType, GERMAN_SUBJECTS, nonZero, webhooksByType } from './support/notices';
import { apisOf, PlatformApis } from './support/platform-apis';
import { buildRegion, Party, Region, registerChannels } from './support/region';
import { consumersBehind, unfinishedDeliveries } from './support/settled';
import { dataOf, EventData, publishedEvents } from './support/stream-events';
import { until } from './support/until';

/** ESCO skills of the story (present in the shared ESCO export the services import). */
const ESCO = {
  forklift: 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da',
  cncMilling: 'http://data.europa.eu/esco/skill/4cb58ef4-67a9-4bea-a743-2c83ebd60e79',
  firstAid: 'http://data.europa.eu/esco/skill/1d21f6ad-340f-45da-a0a3-4e83867f47a6',
  mobileCrane: 'http://data.europa.eu/esco/skill/9fe699e9-3490-4f3d-a50d-9f9d31c98698',
};
const DISTRICT = '06635'; // Waldeck-Frankenberg

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Need = { id: string; status: string; companyId: string };
type Match = { id: string; status: string; needId: string; companyId: string; offerId: string; courseDateId: string; providerId: string; participants: number; reason?: string };
type Offer = { id: string; status: string; dates: { id: string; seatsTaken: number; seatsFree: number; minParticipants: number; maxParticipants: number }[] };
type Bundle = { id: string; status: string; courseDateId: string; totalParticipants: number; minParticipants: number; members: { needId?: string; participants: number }[] };

/**
 * Issue 7's story with all five services as real processes: driven only over their HTTP APIs,
 * observed through the events on NATS, a real SMTP server and real webhook receivers.
 */
describe('Bildungsraum end to end: Korbach, Waldeck-Frankenberg', () => {
  const mailbox = new Mailbox();
  let platform: RunningPlatform;
  let api: PlatformApis;
  let nats: NatsConnection;
  let region: Region;

  const events = async (type?: string): Promise<CloudEvent[]> => {
    const all = await publishedEvents(nats, platform.infrastructure.subjectPrefix);
    return type ? all.filter((event) => event.type === type) : all;
  };

  /** The coordinator captures a need for a company of its network and submits it at once. */
  const capture = async (company: Party, body: Record<string, unknown>): Promise<Need> => {
    const need = await api.needs.expect<Need & { capturedBy: { role: string } }>(201, 'POST', '/needs', region.coordinator.token, {
      companyId: company.id,
      submit: true,
      formats: ['in_person'],
      earliestStart: inDays(7),
      latestEnd: inDays(200),
      maxTravelKm: 30,
      ...body,
    });
    expect(need).toMatchObject({ status: 'submitted', companyId: company.id, capturedBy: { role: 'coordinator' } });
    return need;
  };

  /** The provider publishes a course with one date in Korbach. */
  const publishCourse = async (body: Record<string, unknown>, date: Record<string, unknown>): Promise<Offer> => {
    const offer = await api.catalogue.expect<Offer>(201, 'POST', '/offers', region.provider.token, {
      formats: ['presence'],
      language: 'de',
      targetGroups: ['employees'],
      dates: [
        {
          startDate: inDays(30),
          endDate: inDays(33),
          schedule: 'full_time',
          online: false,
          venue: { name: 'Schulungszentrum Korbach', street: 'Kasseler Straße 30', postalCode: '34497', city: 'Korbach' },
          ...date,
        },
      ],
      ...body,
    });
    return api.catalogue.expect<Offer>(200, 'POST', `/offers/${offer.id}/publish`, region.provider.token);
  };

  const matchesOf = async (need: Need, party: Party): Promise<Match[]> =>
    (await api.matching.expect<{ matches: Match[] }>(200, 'GET', `/needs/${need.id}/matches`, party.token)).matches;

  const company = (need: Need): Party => region.companies.find((party) => party.id === need.companyId) as Party;

  /** Every service caught up with every stream, and notifications sent everything it recorded. */
  const settle = () =>
    until(async () => {
      const behind = await consumersBehind(nats, platform.infrastructure.subjectPrefix);
      if (behind.length) throw new Error(`consumers behind: ${behind.join('; ')}`);
      const unfinished = await unfinishedDeliveries(api.notifications, region.operatorToken);
      if (unfinished) throw new Error(`${unfinished} deliveries not finished`);
      return true;
    });

  beforeAll(async () => {
    await mailbox.start();
    platform = await startPlatform({ label: 'e2estory', serviceEnv: { notifications: { SMTP_URL: mailbox.url } } });
    api = apisOf(platform);
    nats = await connect({ servers: platform.infrastructure.natsUrl });
    region = await buildRegion(platform, api);
    // Channels are registered once every service has caught up with partners' events: what
    // arrives at the mailbox and the receivers from then on is the story's.
    await until(async () => (await consumersBehind(nats, platform.infrastructure.subjectPrefix, ['PARTNERS'])).length === 0);
    await registerChannels(region, api);
  }, 600_000);

  afterAll(async () => {
    const crashed = platform?.crashed() ?? [];
    await nats?.close();
    await platform?.stop();
    await Promise.all((region?.all ?? []).map((party) => party.webhook.stop()));
    await mailbox.stop();
    expect(crashed).toEqual([]);
  }, 120_000);

  it('a gap opens, a provider’s course pools four companies’ needs, they accept, seats are confirmed, the needs are fulfilled, and everyone is told exactly once', async () => {
    const [metallbau, holzbau, landtechnik, getraenke] = region.companies;

    // 1. The Bildungscoach captures forklift needs of four small companies (3 + 2 + 2 + 1 = 8
    //    participants) and CNC needs of two of them. Nothing reachable teaches either.
    const forkliftNeeds = [];
    for (const [party, participants] of [[metallbau, 3], [holzbau, 2], [landtechnik, 2], [getraenke, 1]] as const) {
      forkliftNeeds.push(await capture(party, { description: `${participants} Beschäftigte brauchen den Staplerschein.`, participants, skillUris: [ESCO.forklift], kldbCode: '51312' }));
    }
    const cncNeeds = [
      await capture(metallbau, { description: 'Zwei Zerspaner sollen CNC-Fräsen an der Heidenhain-Steuerung lernen.', participants: 2, skillUris: [ESCO.cncMilling], dqrLevel: 4 }),
      await capture(landtechnik, { description: 'Zwei Zerspaner sollen CNC-Fräsen an der Heidenhain-Steuerung lernen.', participants: 2, skillUris: [ESCO.cncMilling], dqrLevel: 4 }),
    ];

    // 2. Gaps open for the district, one per ESCO skill group: forklift (all four companies, in
    //    "Bedienen von Hebe- oder Transportvorrichtungen") and CNC milling.
    await until(async () => {
      const gaps = await events('matching.gap.detected.v1');
      const skills = gaps.filter((gap) => dataOf(gap).districtKey === DISTRICT).flatMap((gap) => dataOf(gap).skillUris as string[]);
      return skills.includes(ESCO.forklift) && skills.includes(ESCO.cncMilling);
    });
    const forkliftGap = await until(async () => {
      const page = await api.matching.expect<{ items: { id: string; skillGroup: string; participants: number; companies: number; status: string }[] }>(200, 'GET', `/gaps?district=${DISTRICT}&skill=${encodeURIComponent(ESCO.forklift)}`, region.coordinator.token);
      const [gap, ...more] = page.items;
      return !more.length && gap?.participants === 8 && gap.companies === 4 ? gap : undefined;
    });
    expect(forkliftGap.status).toBe('open');

    // 3. The providers of the region hear of it — by email in German and by webhook.
    await until(() => mailbox.to(region.provider.email).some((mail) => mail.subject === `[Bildungsraum] ${GERMAN_SUBJECTS['matching.gap.detected.v1']}`));
    // In words, not keys: the district's name and the skill group's ESCO label.
    const gapMail = mailbox.to(region.provider.email).find((mail) => mail.text.includes('Bedienen von Hebe- oder Transportvorrichtungen'));
    expect(gapMail?.text).toContain('Landkreis Waldeck-Frankenberg');
    expect(gapMail?.text).toContain('ohne erreichbares Angebot');
    expect(gapMail?.text).not.toContain('http://data.europa.eu/esco');
    await until(() => region.provider.webhook.ofType('matching.gap.detected.v1').some((hook) => hook.payload.data.data.id === forkliftGap.id));

    // 4. The provider publishes a forklift course in Korbach that runs from eight participants.
    const offer = await publishCourse(
      { title: 'Staplerschein kompakt – Fahrausweis für Flurförderzeuge', description: 'DGUV Grundsatz 308-001, Theorie und Praxis, mit Prüfung. Der Kurs findet ab acht Teilnehmenden statt.', skills: [ESCO.forklift], hours: 24, priceCents: 35_000, dqrLevel: 2, occupationKldb: '51312' },
      { minParticipants: 8, maxParticipants: 12 },
    );
    expect(offer.status).toBe('published');
    const courseDateId = offer.dates[0].id;

    // 5. Every forklift need gets the course date proposed; the four are pooled into a bundle that
    //    reaches the minimum, and the forklift gap closes.
    const proposals = await Promise.all(
      forkliftNeeds.map((need) =>
        until(async () => {
          const matches = await matchesOf(need, company(need));
          return matches.length === 1 && matches[0].status === 'proposed' && matches[0].courseDateId === courseDateId ? matches[0] : undefined;
        }),
      ),
    );
    const bundle = await until(async () => {
      const page = await api.matching.expect<{ items: Bundle[] }>(200, 'GET', `/bundles?offer=${offer.id}`, region.coordinator.token);
      const found = page.items.find((item) => item.courseDateId === courseDateId);
      return found?.status === 'viable' && found.totalParticipants === 8 ? found : undefined;
    });
    expect(bundle.minParticipants).toBe(8);
    expect(bundle.members.map((member) => member.participants).sort()).toEqual([1, 2, 2, 3]);
    const formed = await until(async () => (await events('matching.bundle.formed.v1')).filter((event) => dataOf(event).courseDateId === courseDateId));
    expect(formed).toHaveLength(1);
    await until(async () => (await events('matching.gap.closed.v1')).some((event) => dataOf(event).id === forkliftGap.id));

    // 6. The companies accept (each with its own login), and the provider — told by webhook which
    //    matches were accepted — confirms the seats.
    for (const proposal of proposals) {
      const owner = region.companies.find((party) => party.id === proposal.companyId) as Party;
      expect(await api.matching.expect<Match>(200, 'POST', `/matches/${proposal.id}/accept`, owner.token, {})).toMatchObject({ status: 'accepted' });
    }
    const accepted = await until(() => {
      const hooks = region.provider.webhook.ofType('matching.match.accepted.v1');
      return hooks.length === 4 ? hooks.map((hook) => hook.payload.data.data as unknown as Match) : undefined;
    });
    expect(accepted.map((match) => match.id).sort()).toEqual(proposals.map((match) => match.id).sort());
    for (const match of accepted) {
      expect(await api.matching.expect<Match>(200, 'POST', `/matches/${match.id}/confirm`, region.provider.token, { reason: 'Plätze reserviert' })).toMatchObject({ status: 'confirmed' });
    }

    // 7. Seats drop in the catalogue; the needs are fulfilled.
    await until(async () => {
      const current = await api.catalogue.expect<Offer>(200, 'GET', `/offers/${offer.id}`, region.provider.token);
      return current.dates[0].seatsTaken === 8 && current.dates[0].seatsFree === 4;
    });
    for (const need of forkliftNeeds) {
      await until(async () => (await api.needs.expect<Need>(200, 'GET', `/needs/${need.id}`, company(need).token)).status === 'fulfilled');
    }
    for (const need of cncNeeds) expect((await api.needs.expect<Need>(200, 'GET', `/needs/${need.id}`, region.coordinator.token)).status).toBe('submitted');

    // 8. Everyone got exactly what concerns them, by email (German) and by webhook, once.
    await settle();
    // No service gave up on an event.
    expect(await readStream(nats, prefixedName(DEAD_LETTER_STREAM, platform.infrastructure.subjectPrefix))).toEqual([]);
    const published = await events();
    const ofType = (type: string, where: (data: EventData) => boolean = () => true) => published.filter((event) => event.type === type && where(dataOf(event))).length;
    const inDistrict = (data: EventData) => data.districtKey === DISTRICT || (Array.isArray(data.districtKeys) && data.districtKeys.includes(DISTRICT));
    // How many bundle events there are depends on the order in which matching handled the needs;
    // who hears of each one does not. Gaps are one per district and skill group: forklift and CNC
    // open, forklift closes.
    const bundles = { formed: ofType('matching.bundle.formed.v1', inDistrict), updated: ofType('matching.bundle.updated.v1', inDistrict), dissolved: ofType('matching.bundle.dissolved.v1', inDistrict) };
    const gaps = { detected: ofType('matching.gap.detected.v1', inDistrict), closed: ofType('matching.gap.closed.v1', inDistrict) };
    // The bundle that made the course run stays viable once it was: confirmed seats (fulfilled
    // needs) do not shrink or dissolve it.
    const courseBundle = published.filter((event) => event.type.startsWith('matching.bundle.') && dataOf(event).courseDateId === courseDateId).map(dataOf);
    const firstViable = courseBundle.findIndex((data) => data.status === 'viable');
    expect(firstViable).toBeGreaterThanOrEqual(0);
    expect(courseBundle.slice(firstViable).map((data) => [data.status, data.totalParticipants])).toEqual(courseBundle.slice(firstViable).map(() => ['viable', 8]));
    expect(gaps).toEqual({ detected: 2, closed: 1 });

    const expected = new Map<Party, Counts>([
      [region.coordinator, { 'needs.need.submitted.v1': 6, 'matching.gap.detected.v1': gaps.detected, 'matching.gap.closed.v1': gaps.closed, 'catalogue.offer.published.v1': 1, 'matching.bundle.formed.v1': bundles.formed, 'matching.bundle.updated.v1': bundles.updated, 'matching.bundle.dissolved.v1': bundles.dissolved }],
      [region.provider, { 'matching.gap.detected.v1': gaps.detected, 'matching.bundle.formed.v1': bundles.formed, 'matching.bundle.updated.v1': bundles.updated, 'matching.bundle.dissolved.v1': bundles.dissolved, 'matching.match.accepted.v1': 4 }],
      [region.farProvider, {}],
      ...region.companies.map((party): [Party, Counts] => [party, { 'matching.match.proposed.v1': 1, 'matching.match.confirmed.v1': 1, 'needs.need.fulfilled.v1': 1 }]),
    ]);
    for (const [party, counts] of expected) {
      const want = nonZero(counts);
      expect({ party: party.name, emails: emailsByType(mailbox, party) }).toEqual({ party: party.name, emails: want });
      expect({ party: party.name, webhooks: webhooksByType(party) }).toEqual({ party: party.name, webhooks: want });
      expect({ party: party.name, duplicates: party.webhook.duplicateIds(), rejected: party.webhook.rejected }).toEqual({ party: party.name, duplicates: [], rejected: 0 });
    }
    // Every mail has an HTML part besides the text (its German subject was checked by the counts above).
    for (const mail of mailbox.mails) {
      expect(mail.html).not.toBe('');
    }
    const confirmation = mailbox.to(metallbau.email).find((mail) => mail.subject.endsWith(GERMAN_SUBJECTS['matching.match.confirmed.v1']));
    expect(confirmation?.text).toContain('Der Bildungsträger hat die Plätze bestätigt.');
    expect(confirmation?.text).toContain('Teilnehmende: 3');
  });

  it('a company that withdraws its need leaves the bundle', async () => {
    const [metallbau, holzbau, landtechnik] = region.companies;
    const needs = [];
    for (const party of [metallbau, holzbau, landtechnik]) {
      needs.push(await capture(party, { description: 'Zwei Beschäftigte sollen als Ersthelfer ausgebildet werden.', participants: 2, skillUris: [ESCO.firstAid] }));
    }
    const offer = await publishCourse({ title: 'Ersthelfer im Betrieb (DGUV Vorschrift 1)', skills: [ESCO.firstAid], hours: 9, priceCents: 6_000 }, { minParticipants: 6, maxParticipants: 15 });
    const courseDateId = offer.dates[0].id;
    const bundleOn = (check: (bundle: Bundle) => boolean) =>
      until(async () => {
        const page = await api.matching.expect<{ items: Bundle[] }>(200, 'GET', `/bundles?offer=${offer.id}`, region.coordinator.token);
        const found = page.items.find((item) => item.courseDateId === courseDateId);
        return found && check(found) ? found : undefined;
      });
    const viable = await bundleOn((bundle) => bundle.status === 'viable' && bundle.totalParticipants === 6);

    // Landtechnik withdraws its need (its own login): it leaves the bundle, which falls below the minimum.
    const leaving = needs[2];
    expect(await api.needs.expect<Need>(200, 'POST', `/needs/${leaving.id}/withdraw`, landtechnik.token, { reason: 'Schulung intern organisiert' })).toMatchObject({ status: 'withdrawn' });
    const after = await bundleOn((bundle) => bundle.totalParticipants === 4);
    expect(after.id).toBe(viable.id);
    expect(after.status).toBe('forming');
    expect(after.members.map((member) => member.needId)).not.toContain(leaving.id);

    const updates = await until(async () => {
      const found = (await events('matching.bundle.updated.v1')).filter((event) => dataOf(event).id === viable.id && dataOf(event).totalParticipants === 4);
      return found.length ? found : undefined;
    });
    expect((dataOf(updates[0]).needs as { needId: string }[]).map((need) => need.needId)).not.toContain(leaving.id);
    // Its proposal is withdrawn; the provider hears that the bundle changed; the company is told its need is withdrawn.
    await until(async () => (await events('matching.match.withdrawn.v1')).some((event) => dataOf(event).needId === leaving.id && dataOf(event).reasonCode === 'need_closed'));
    await until(() => region.provider.webhook.ofType('matching.bundle.updated.v1').some((hook) => hook.payload.data.data.id === viable.id && hook.payload.data.data.totalParticipants === 4));
    await until(() => mailbox.to(landtechnik.email).some((mail) => mail.subject === `[Bildungsraum] ${GERMAN_SUBJECTS['needs.need.withdrawn.v1']}`));
    await until(() => landtechnik.webhook.ofType('needs.need.withdrawn.v1').some((hook) => hook.payload.data.data.id === leaving.id));
  });

  it('a withdrawn offer retracts its matches and tells the companies', async () => {
    const [, holzbau, , getraenke] = region.companies;
    const needs = [
      await capture(holzbau, { description: 'Ein Mitarbeiter braucht die Ausbildung zum Mobilkranführer.', participants: 1, skillUris: [ESCO.mobileCrane] }),
      await capture(getraenke, { description: 'Ein Mitarbeiter braucht die Ausbildung zum Mobilkranführer.', participants: 1, skillUris: [ESCO.mobileCrane] }),
    ];
    const offer = await publishCourse({ title: 'Mobilkranführer nach DGUV Grundsatz 309-003', skills: [ESCO.mobileCrane], hours: 40, priceCents: 95_000 }, { minParticipants: 4, maxParticipants: 8 });
    const proposals = await Promise.all(
      needs.map((need) =>
        until(async () => {
          const matches = await matchesOf(need, company(need));
          return matches.find((match) => match.offerId === offer.id && match.status === 'proposed');
        }),
      ),
    );
    // Holzbau has already accepted when the provider withdraws the course.
    expect(await api.matching.expect<Match>(200, 'POST', `/matches/${proposals[0].id}/accept`, holzbau.token, {})).toMatchObject({ status: 'accepted' });
    await api.catalogue.expect(200, 'POST', `/offers/${offer.id}/withdraw`, region.provider.token, { reason: 'Dozent fällt aus' });

    for (const [index, need] of needs.entries()) {
      const party = company(need);
      // A withdrawn proposal is no longer listed for the need.
      await until(async () => !(await matchesOf(need, party)).some((match) => match.id === proposals[index].id));
      const withdrawn = await until(() => party.webhook.ofType('matching.match.withdrawn.v1').find((hook) => hook.payload.data.data.id === proposals[index].id));
      expect(withdrawn.payload.data.data.reasonCode).toBe('offer_withdrawn');
      await until(() => mailbox.to(party.email).some((mail) => mail.subject === `[Bildungsraum] ${GERMAN_SUBJECTS['matching.match.withdrawn.v1']}` && mail.text.includes('Der Vorschlag ist nicht mehr gültig')));
      // The need is open again for other courses.
      await until(async () => (await api.needs.expect<Need>(200, 'GET', `/needs/${need.id}`, party.token)).status === 'submitted');
    }
    // The provider hears of the retraction of the match it had been asked to confirm.
    await until(() => region.provider.webhook.ofType('matching.match.withdrawn.v1').some((hook) => hook.payload.data.data.id === proposals[0].id));
  });
});
