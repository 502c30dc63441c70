import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { GapDetected, MatchProposed, prefixedSubject, toHeaders } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { MailCatcher } from '../scripts/mail-catcher';
import { proposedMatch } from './support/match-fixture';
import { NotificationsHarness, startNotifications } from './support/notifications-harness';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * A company hears of its match over a webhook (Standard Webhooks, verified with the official
 * library), by email (real SMTP server, parsed) and in the in-app inbox — exactly once, even
 * when the event is delivered again or replayed.
 */
describe('notifications: recording and delivering', () => {
  let h: NotificationsHarness;
  const mail = new MailCatcher();
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await mail.start();
    await receiver.start();
    h = await startNotifications('notif-delivery', mail.url);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await receiver.stop();
    await mail.stop();
  });

  it('delivers a proposed match once per channel with signature, German email (text + HTML) and inbox item', async () => {
    const company = await h.partner('company');
    const token = await h.token('company', company);
    const hook = await h.http().post(`/organisations/${company}/channels/webhooks`).set('authorization', `Bearer ${token}`).send({ url: receiver.url }).expect(201);
    expect(hook.body.secret).toMatch(/^whsec_/);
    receiver.secrets = [hook.body.secret];
    await h.http().post(`/organisations/${company}/channels/email`).set('authorization', `Bearer ${token}`).send({ address: 'weiterbildung@metallbau-korbach.example' }).expect(201);

    const match = proposedMatch(company);
    const event = await h.publish(MatchProposed, match.id, match);

    await eventually(() => receiver.received.length === 1 && mail.mails.length === 1);
    const [delivery] = receiver.received;
    expect(delivery.payload.type).toBe('matching.match.proposed.v1');
    expect(delivery.payload.data.id).toBe(event.id);
    expect(delivery.payload.data.data.companyId).toBe(company);
    const [email] = mail.mails;
    expect(email.to).toEqual(['weiterbildung@metallbau-korbach.example']);
    expect(email.subject).toBe('[Bildungsraum] Passender Kurstermin für Ihren Bedarf');
    expect(email.text).toContain('Deckt CNC-Fräsen ab');
    expect(email.html).toContain('<h1>Passender Kurstermin für Ihren Bedarf</h1>');
    expect(email.messageId).toMatch(/^<[0-9a-f-]{36}@notifications\.bildungsraum\.invalid>$/);

    // The inbox holds the verification notice and the match, newest first.
    const inbox = await h.http().get(`/organisations/${company}/inbox`).set('authorization', `Bearer ${token}`).expect(200);
    expect(inbox.body.map((item: { eventType: string }) => item.eventType)).toEqual(['matching.match.proposed.v1', 'partners.partner.verified.v1']);
    expect(inbox.body[0].bodyDe).toContain('Passung: 87 %');
    expect(inbox.body[0].bodyEn).toContain('Covers CNC milling');
    await h.http().get(`/organisations/${company}/inbox/unread-count`).set('authorization', `Bearer ${token}`).expect(200, { unread: 2 });
    await h.http().post(`/organisations/${company}/inbox/${inbox.body[0].id}/read`).set('authorization', `Bearer ${token}`).expect(204);
    await h.http().get(`/organisations/${company}/inbox/unread-count`).set('authorization', `Bearer ${token}`).expect(200, { unread: 1 });
    const unread = await h.http().get(`/organisations/${company}/inbox?unread=true`).set('authorization', `Bearer ${token}`).expect(200);
    expect(unread.body.map((item: { eventType: string }) => item.eventType)).toEqual(['partners.partner.verified.v1']);

    // A replay of the same event (new Nats-Msg-Id, so JetStream does not drop it) sends nothing twice.
    const { data, ...attributes } = event;
    const replayHeaders = natsHeaders();
    for (const [name, value] of Object.entries(toHeaders(attributes))) replayHeaders.set(name, value);
    await jetstream(h.nats).publish(prefixedSubject(event.type, h.infra.subjectPrefix), JSON.stringify(data), { headers: replayHeaders, msgID: `${event.id}:replay` });
    const later = await h.publish(MatchProposed, match.id, { ...match, version: 2 });
    await eventually(() => receiver.received.length === 2 && mail.mails.length === 2);
    expect(receiver.received.map((item) => item.payload.data.id)).toEqual([event.id, later.id]);
    expect(receiver.distinctIds().size).toBe(2);

    // Outcomes are logged and published.
    const deliveries = await eventually(async () => {
      const response = await h.http().get(`/organisations/${company}/deliveries?status=succeeded`).set('authorization', `Bearer ${token}`).expect(200);
      if (response.body.length !== 4) throw new Error(`${response.body.length} of 4 deliveries succeeded`);
      return response;
    });
    for (const row of deliveries.body) expect(row).toMatchObject({ status: 'succeeded', attempts: 1, attemptLog: [expect.objectContaining({ outcome: 'succeeded' })] });
    // One delivery.succeeded.v2 per settled batch: together they name each of the 4 deliveries once.
    const deliveredIds = (events: Awaited<ReturnType<typeof h.streamEvents>>) => events.flatMap((e) => (e.data as { deliveries: Array<{ deliveryId: string }> }).deliveries.map((entry) => entry.deliveryId));
    const published = await eventually(async () => {
      const events = await h.streamEvents();
      if (deliveredIds(events).length < 4) throw new Error(`${deliveredIds(events).length} of 4 deliveries announced`);
      return events;
    });
    expect(new Set(published.map((e) => e.type))).toEqual(new Set(['notifications.delivery.succeeded.v2']));
    expect(deliveredIds(published).sort()).toEqual(deliveries.body.map((row: { id: string }) => row.id).sort());
    expect(JSON.stringify(published)).not.toContain('metallbau-korbach.example');
  });

  it('signs with old and new secret during a rotation, and redelivers with the same webhook-id', async () => {
    const company = await h.partner('company');
    const token = await h.token('company', company);
    const hook = await h.http().post(`/organisations/${company}/channels/webhooks`).set('authorization', `Bearer ${token}`).send({ url: receiver.url, language: 'en' }).expect(201);
    const rotated = await h.http().post(`/organisations/${company}/channels/${hook.body.id}/rotate-secret`).set('authorization', `Bearer ${token}`).expect(201);
    expect(rotated.body.secret).not.toBe(hook.body.secret);
    // A receiver still on the old secret verifies, and so does one already on the new one.
    receiver.secrets = [hook.body.secret];
    const before = receiver.received.length;
    const match = proposedMatch(company);
    await h.publish(MatchProposed, match.id, match);
    await eventually(() => receiver.received.length === before + 1);
    receiver.secrets = [rotated.body.secret];
    const [row] = await eventually(async () => {
      const rows = await h.query<{ id: string }>(`SELECT id FROM delivery WHERE partner_id = $1 AND status = 'succeeded'`, [company]);
      if (!rows.length) throw new Error('not delivered yet');
      return rows;
    });
    await h.http().post(`/organisations/${company}/deliveries/${row.id}/redeliver`).set('authorization', `Bearer ${token}`).expect(201);
    await eventually(() => receiver.received.length === before + 2);
    expect(receiver.received[before + 1].id).toBe(row.id);
    expect(receiver.received[before].id).toBe(row.id);
  });

  it('sends a daily digest as one email at the digest hour', async () => {
    const company = await h.partner('company');
    const token = await h.token('company', company);
    const channel = await h.http().post(`/organisations/${company}/channels/email`).set('authorization', `Bearer ${token}`).send({ address: 'digest@example.org', defaultSubscription: false }).expect(201);
    await h.http().post(`/organisations/${company}/subscriptions`).set('authorization', `Bearer ${token}`).send({ channelId: channel.body.id, eventTypes: ['matching.match.*'], mode: 'digest', language: 'en' }).expect(201);
    for (let index = 0; index < 2; index += 1) {
      const match = proposedMatch(company);
      await h.publish(MatchProposed, match.id, match);
    }
    const rows = await eventually(async () => {
      const found = await h.query<{ next_attempt_at: Date }>(`SELECT next_attempt_at FROM delivery WHERE partner_id = $1 AND digest`, [company]);
      if (found.length !== 2) throw new Error(`${found.length} digest rows`);
      return found;
    });
    for (const row of rows) expect(new Date(row.next_attempt_at).getUTCHours()).toBe(6);
    expect(mail.mails.filter((m) => m.to.includes('digest@example.org'))).toHaveLength(0);
    // The digest hour has come.
    await h.query(`UPDATE delivery SET next_attempt_at = now() WHERE partner_id = $1`, [company]);
    await eventually(async () => (await h.query(`SELECT 1 FROM delivery WHERE partner_id = $1 AND status = 'succeeded'`, [company])).length === 2);
    const digests = mail.mails.filter((m) => m.to.includes('digest@example.org'));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('[Bildungsraum] Your daily digest: 2 updates');
    expect(digests[0].text?.match(/Covers CNC milling/g)).toHaveLength(2);
  });

  it('tells providers near a gap and the coordinators of networks covering it, nobody else', async () => {
    const near = await h.partner('provider', ['06635']);
    const far = await h.partner('provider', ['03255']);
    const coordinator = await h.partner('coordinating_body', ['06635']);
    const company = await h.partner('company', ['06635']);
    await h.network(['06635', '06634'], [coordinator]);
    const gapId = randomUUID();
    const gap = await h.publish(GapDetected, gapId, { id: gapId, version: 1, status: 'open', districtKey: '06635', skillGroup: 'Staplerschein', skillUris: [], targetGroups: [], participants: 9, companies: 3, needIds: [] });
    const told = await eventually(async () => {
      const rows = await h.query<{ partner_id: string }>(`SELECT partner_id FROM inbox_item WHERE event_id = $1`, [gap.id]);
      if (rows.length < 2) throw new Error(`${rows.length} inbox items`);
      return rows.map((row) => row.partner_id).sort();
    });
    expect(told).toEqual([near, coordinator].sort());
    expect(told).not.toContain(far);
    expect(told).not.toContain(company);
    const [item] = await h.query<{ title_de: string; body_de: string }>(`SELECT title_de, body_de FROM inbox_item WHERE event_id = $1 AND partner_id = $2`, [gap.id, near]);
    expect(item).toEqual({ title_de: 'Angebotslücke in Ihrer Region', body_de: 'Landkreis 06635: 9 Teilnehmende aus 3 Unternehmen ohne erreichbares Angebot (Staplerschein).' });
  });
});
