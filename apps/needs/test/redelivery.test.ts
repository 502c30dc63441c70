import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { CloudEvent, createEvent, MatchProposed, MatchSnapshotV1, prefixedSubject, toHeaders } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { createNeed, forkliftNeed } from './support/needs-fixtures';
import { NeedsHarness, startNeeds } from './support/needs-harness';
import { OPERATOR_ORG, PartnersFeed } from './support/partners-feed';

/**
 * At-least-once delivery means an event can come twice (a replay, a relay that republished
 * after JetStream's duplicate window). The inbox makes the second one a no-op.
 */
describe('an event delivered twice takes effect once', () => {
  let h: NeedsHarness;

  beforeAll(async () => {
    h = await startNeeds('needsredeliver');
  });
  afterAll(() => h?.close());

  /** Publishes the same event (same id) under another Nats-Msg-Id, so JetStream stores it again. */
  async function publishAgain(event: CloudEvent): Promise<void> {
    const { data, ...attributes } = event;
    const headers = natsHeaders();
    for (const [name, value] of Object.entries(toHeaders(attributes))) headers.set(name, value);
    headers.set('content-type', 'application/json');
    await jetstream(h.nats).publish(prefixedSubject(event.type, h.infra.subjectPrefix), JSON.stringify(data), { msgID: `${event.id}:again`, headers });
  }

  it('a repeated match.proposed moves the need once and publishes one update', async () => {
    const company = await new PartnersFeed(h).company('Metallbau Korbach GmbH');
    const token = await h.token('operator', OPERATOR_ORG);
    const need = await createNeed(h, token, forkliftNeed({ companyId: company, submit: true }));
    const matchId = randomUUID();
    const data: MatchSnapshotV1 = {
      id: matchId, version: 1, status: 'proposed', needId: need.id, companyId: company, offerId: randomUUID(), courseDateId: randomUUID(), providerId: randomUUID(),
      participants: 2, score: 0.9, criteria: [], explanation: { de: 'Passt', en: 'Fits' },
    };
    const event = createEvent(MatchProposed, matchId, data);
    await h.publisher.publish(event);
    await publishAgain(event);
    await eventually(async () => {
      const rows = (await h.query(`SELECT count(*)::int AS n FROM needs.inbox WHERE event_id = $1`, [event.id])) as Array<{ n: number }>;
      const stored = (await h.query(`SELECT count(*)::int AS n FROM needs.outbox WHERE subject = $1`, [need.id])) as Array<{ n: number }>;
      return rows[0]?.n === 1 && stored[0]?.n === 2;
    });
    // A marker after the copy: the consumer handles one message at a time in stream order, so
    // once the marker took effect, the copy has been handled (and skipped) before it.
    const marker = await createNeed(h, token, forkliftNeed({ companyId: company, submit: true }));
    const markerMatch = randomUUID();
    await h.publisher.publish(createEvent(MatchProposed, markerMatch, { ...data, id: markerMatch, needId: marker.id }));
    await eventually(async () => (await h.http().get(`/needs/${marker.id}`).set('Authorization', `Bearer ${token}`)).body.status === 'matched');
    const after = await h.http().get(`/needs/${need.id}`).set('Authorization', `Bearer ${token}`);
    expect(after.body).toMatchObject({ status: 'matched', version: 3 });
    const events = await eventually(async () => {
      const own = (await h.streamEvents()).filter((e) => e.subject === need.id);
      if (own.length < 2) throw new Error(`${own.length} events`);
      return own;
    });
    expect(events.map((e) => e.type)).toEqual(['needs.need.submitted.v1', 'needs.need.updated.v1']);
  });
});
