import { MatchProposed } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { MailCatcher } from '../scripts/mail-catcher';
import { proposedMatch } from './support/match-fixture';
import { NotificationsHarness, startNotifications } from './support/notifications-harness';
import { WebhookReceiver } from './support/webhook-receiver';

interface AttemptLog {
  outcome: string;
  statusCode: number | null;
  startedAt: string;
}

/** Retries with Retry-After, 410, a receiver that is down for a while, an endpoint failing for days. */
describe('notifications: retries and failing endpoints', () => {
  let h: NotificationsHarness;
  const mail = new MailCatcher();

  beforeAll(async () => {
    await mail.start();
    // Short schedule (≈ 6 s in all) instead of ≈ 3 days.
    h = await startNotifications('notif-retries', mail.url, { DELIVERY_RETRY_SCHEDULE_MS: '100,200,400,800,1600,3200' });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await mail.stop();
  });

  async function companyWithWebhook(receiver: WebhookReceiver) {
    const company = await h.partner('company');
    const token = await h.token('company', company);
    const hook = await h.http().post(`/organisations/${company}/channels/webhooks`).set('authorization', `Bearer ${token}`).send({ url: receiver.url }).expect(201);
    receiver.secrets = [hook.body.secret];
    return { company, token, channelId: hook.body.id as string };
  }

  const deliveriesOf = (company: string) =>
    h.query<{ id: string; status: string; attempts: number; last_error: string | null }>(`SELECT id, status, attempts, last_error FROM delivery WHERE partner_id = $1 ORDER BY created_at`, [company]);

  it('honours Retry-After and logs every attempt with its status code', async () => {
    const receiver = await new WebhookReceiver().start();
    receiver.respond = (_received, nth) => (nth < 2 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 204 });
    const { company, token } = await companyWithWebhook(receiver);
    const match = proposedMatch(company);
    await h.publish(MatchProposed, match.id, match);
    await eventually(async () => (await deliveriesOf(company))[0]?.status === 'succeeded', { timeoutMs: 20_000 });
    expect(receiver.received).toHaveLength(1);
    expect(new Set(receiver.requests.map((request) => request.id)).size).toBe(1);
    const [logged] = (await h.http().get(`/organisations/${company}/deliveries`).set('authorization', `Bearer ${token}`).expect(200)).body as Array<{ attemptLog: AttemptLog[] }>;
    expect(logged.attemptLog.map((attempt) => [attempt.outcome, attempt.statusCode])).toEqual([['retry', 503], ['retry', 503], ['succeeded', 204]]);
    const gaps = logged.attemptLog.slice(1).map((attempt, index) => Date.parse(attempt.startedAt) - Date.parse(logged.attemptLog[index].startedAt));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950); // 1 s asked for, schedule says 100–200 ms
    await receiver.stop();
  }, 30_000);

  it('disables an endpoint that answers 410, fails its delivery and tells the owner', async () => {
    const receiver = await new WebhookReceiver().start();
    receiver.respond = () => ({ status: 410 });
    const { company, token, channelId } = await companyWithWebhook(receiver);
    const match = proposedMatch(company);
    await h.publish(MatchProposed, match.id, match);
    await eventually(async () => (await deliveriesOf(company))[0]?.status === 'failed');
    const channels = await h.http().get(`/organisations/${company}/channels`).set('authorization', `Bearer ${token}`).expect(200);
    expect(channels.body).toEqual([expect.objectContaining({ id: channelId, status: 'disabled', disabledReason: 'HTTP 410 Gone' })]);
    const inbox = await h.http().get(`/organisations/${company}/inbox`).set('authorization', `Bearer ${token}`).expect(200);
    expect(inbox.body[0]).toMatchObject({ eventType: 'notifications.channel.disabled', titleDe: 'Webhook-Endpunkt deaktiviert' });
    const failed = await eventually(async () => {
      const found = (await h.streamEvents()).find((event) => event.type === 'notifications.delivery.failed.v1' && (event.data as { partnerId: string }).partnerId === company);
      if (!found) throw new Error('no delivery.failed event yet');
      return found;
    });
    expect(failed.data).toMatchObject({ reasonCode: 'endpoint_gone', statusCode: 410, attempts: 1 });
    // A disabled endpoint gets nothing more; re-enabled, it does again.
    await h.publish(MatchProposed, match.id, { ...match, version: 2 });
    await eventually(async () => (await h.query(`SELECT 1 FROM inbox_item WHERE partner_id = $1`, [company])).length === 4);
    expect(await deliveriesOf(company)).toHaveLength(1);
    await h.http().post(`/organisations/${company}/channels/${channelId}/enable`).set('authorization', `Bearer ${token}`).expect(201);
    await receiver.stop();
  });

  it('delivers everything once to a receiver that was down for a while, in the retry schedule', async () => {
    const receiver = await new WebhookReceiver().start();
    const port = receiver.port;
    const { company } = await companyWithWebhook(receiver);
    await receiver.stop();
    for (let index = 0; index < 5; index += 1) {
      const match = proposedMatch(company);
      await h.publish(MatchProposed, match.id, match);
    }
    // Everything has failed at least twice while the receiver was down…
    await eventually(async () => {
      const rows = await deliveriesOf(company);
      return rows.length === 5 && rows.every((row) => row.attempts >= 2 && row.status === 'pending');
    }, { timeoutMs: 20_000 });
    // …and arrives once when it is back on the same port.
    await receiver.start(port);
    await eventually(async () => (await deliveriesOf(company)).every((row) => row.status === 'succeeded'), { timeoutMs: 20_000 });
    expect(receiver.received).toHaveLength(5);
    expect(receiver.distinctIds().size).toBe(5);
    await receiver.stop();
  }, 40_000);

  it('disables an endpoint failing for days and tells its owner', async () => {
    const receiver = await new WebhookReceiver().start();
    receiver.respond = () => ({ status: 500 });
    const { company, channelId } = await companyWithWebhook(receiver);
    // As if it had been failing for six days (the default limit is five).
    await h.query(`UPDATE channel SET failing_since = now() - interval '6 days' WHERE id = $1`, [channelId]);
    const match = proposedMatch(company);
    await h.publish(MatchProposed, match.id, match);
    await eventually(async () => (await h.query<{ status: string }>(`SELECT status FROM channel WHERE id = $1`, [channelId]))[0].status === 'disabled');
    await eventually(async () => (await deliveriesOf(company))[0]?.status === 'failed');
    const [row] = await deliveriesOf(company);
    expect(row.last_error).toBe('endpoint disabled');
    expect(await h.query(`SELECT 1 FROM inbox_item WHERE partner_id = $1 AND event_type = 'notifications.channel.disabled'`, [company])).toHaveLength(1);
    await receiver.stop();
  });
});
