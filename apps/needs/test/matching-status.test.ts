import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  BundleDissolved,
  BundleFormed,
  BundleSnapshotV1,
  createEvent,
  EventDefinition,
  MatchAccepted,
  MatchConfirmed,
  MatchDeclined,
  MatchProposed,
  MatchSnapshotV1,
  MatchStatus,
} from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { createNeedsDataSource } from '../src/db/needs-data-source';
import { ExpirySweeper } from '../src/needs/expiry/expiry-sweeper';
import { NeedsStore } from '../src/shared/infra/needs-store';
import { createNeed, forkliftNeed } from './support/needs-fixtures';
import { NeedsHarness, startNeeds } from './support/needs-harness';
import { OPERATOR_ORG, PartnersFeed } from './support/partners-feed';

function match(needId: string, companyId: string, id: string, version: number, status: MatchStatus): MatchSnapshotV1 {
  return {
    id, version, status, needId, companyId, offerId: randomUUID(), courseDateId: randomUUID(), providerId: randomUUID(), participants: 2, score: 0.8,
    criteria: [{ criterion: 'skills', value: 1, weight: 1, contribution: 0.8 }],
    explanation: { de: 'Passt', en: 'Fits' },
  };
}

describe('status follows matching; expiry', () => {
  let h: NeedsHarness;
  let company: string;
  let token: string;

  beforeAll(async () => {
    h = await startNeeds('needsmatch');
    company = await new PartnersFeed(h).company('Metallbau Korbach GmbH');
    token = await h.token('operator', OPERATOR_ORG);
  });
  afterAll(() => h?.close());

  const publish = <T extends object>(definition: EventDefinition<T>, subject: string, data: T) => h.publisher.publish(createEvent(definition, subject, data));
  const statusOf = async (id: string) => (await h.http().get(`/needs/${id}`).set('Authorization', `Bearer ${token}`)).body.status as string;
  const until = (id: string, status: string) => eventually(async () => (await statusOf(id)) === status);

  it('proposed → matched, declined → back to submitted, pooled while in a bundle, confirmed → fulfilled', async () => {
    const need = await createNeed(h, token, forkliftNeed({ companyId: company, submit: true }));
    const m1 = randomUUID();
    await publish(MatchProposed, m1, match(need.id, company, m1, 1, 'proposed'));
    await until(need.id, 'matched');
    await publish(MatchDeclined, m1, match(need.id, company, m1, 2, 'declined'));
    await until(need.id, 'submitted');
    const bundle = randomUUID();
    const formed: BundleSnapshotV1 = { id: bundle, version: 1, status: 'forming', skillUris: [], districtKeys: ['06635'], needs: [{ needId: need.id, companyId: company, participants: 2 }], totalParticipants: 2 };
    await publish(BundleFormed, bundle, formed);
    await until(need.id, 'pooled');
    const m2 = randomUUID();
    await publish(MatchAccepted, m2, match(need.id, company, m2, 2, 'accepted'));
    await until(need.id, 'matched');
    await publish(BundleDissolved, bundle, { ...formed, version: 2, status: 'dissolved' });
    await publish(MatchConfirmed, m2, match(need.id, company, m2, 3, 'confirmed'));
    await until(need.id, 'fulfilled');
    const types = await eventually(async () => {
      const events = (await h.streamEvents()).filter((event) => event.subject === need.id).map((event) => `${event.type}:${(event.data as { status: string }).status}`);
      if (events.length < 6) throw new Error(events.join(', '));
      return events;
    });
    expect(types).toEqual([
      'needs.need.submitted.v1:submitted',
      'needs.need.updated.v1:matched',
      'needs.need.updated.v1:submitted',
      'needs.need.updated.v1:pooled',
      'needs.need.updated.v1:matched',
      'needs.need.fulfilled.v1:fulfilled',
    ]);
    // Withdrawing after fulfilment is refused.
    expect((await h.http().post(`/needs/${need.id}/withdraw`).set('Authorization', `Bearer ${token}`).send({})).status).toBe(409);
  });

  it('an older match version arriving late changes nothing', async () => {
    const need = await createNeed(h, token, forkliftNeed({ companyId: company, submit: true }));
    const m = randomUUID();
    await publish(MatchDeclined, m, match(need.id, company, m, 2, 'declined'));
    await publish(MatchProposed, m, match(need.id, company, m, 1, 'proposed'));
    const marker = randomUUID();
    await publish(MatchProposed, marker, match(need.id, company, marker, 1, 'proposed'));
    await until(need.id, 'matched');
    const links = await h.query(`SELECT state, version FROM needs.need_matching_links WHERE ref_id = $1`, [m]);
    expect(links).toEqual([{ state: 'inactive', version: 2 }]);
  });

  it('expires needs whose latest end passed, once, even with two replicas sweeping at the same time', async () => {
    const due = await Promise.all(Array.from({ length: 30 }, () => createNeed(h, token, forkliftNeed({ companyId: company, submit: true, earliestStart: '2030-01-01', latestEnd: '2030-01-31' }))));
    const later = await createNeed(h, token, forkliftNeed({ companyId: company, submit: true, earliestStart: '2030-01-01', latestEnd: '2030-03-31' }));
    h.clock.now = new Date('2030-02-01T06:00:00Z');
    // A second replica: its own pool, the same database.
    const otherPool: DataSource = await createNeedsDataSource(h.config.DATABASE_URL, { poolSize: 2 }).initialize();
    try {
      const other = new ExpirySweeper(new NeedsStore(otherPool), h.config, () => h.clock.now ?? new Date());
      const [a, b] = await Promise.all([h.sweeper().sweep(), other.sweep()]);
      expect(a + b).toBe(30);
    } finally {
      await otherPool.destroy();
    }
    expect(await statusOf(later.id)).toBe('submitted');
    const expired = await eventually(async () => {
      const events = (await h.streamEvents()).filter((event) => event.type === 'needs.need.expired.v1');
      if (events.length < 30) throw new Error(`${events.length} expired events`);
      return events;
    });
    expect(new Set(expired.map((event) => event.subject))).toEqual(new Set(due.map((need) => need.id)));
    expect(await h.sweeper().sweep()).toBe(0);
  });
});
