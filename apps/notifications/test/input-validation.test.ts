import { randomUUID } from 'node:crypto';
import { MailCatcher } from '../scripts/mail-catcher';
import { assertDeliverableWebhookUrl } from '../src/channels/infra/resolve-webhook-host';
import { NotificationsHarness, startNotifications } from './support/notifications-harness';

/** Bad webhook URLs and oversized or malformed requests get clear RFC 9457 problems. */
describe('notifications: input validation and access', () => {
  let h: NotificationsHarness;
  let company: string;
  let token: string;
  const mail = new MailCatcher();

  beforeAll(async () => {
    await mail.start();
    h = await startNotifications('notif-input', mail.url);
    company = await h.partner('company');
    token = await h.token('company', company);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await mail.stop();
  });

  const post = (path: string) => h.http().post(`/organisations/${company}${path}`).set('authorization', `Bearer ${token}`);

  it.each([
    ['ftp://hooks.example.org/x', 'webhook_url_scheme'],
    ['not a url', 'webhook_url_malformed'],
    ['https://user:secret@hooks.example.org/x', 'webhook_url_credentials'],
    ['https://does-not-exist.invalid/hooks', 'webhook_host_unresolvable'],
  ])('refuses the webhook URL %s with 422 %s', async (url, code) => {
    const response = await post('/channels/webhooks').send({ url }).expect(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 422, code });
    expect(response.body.detail).toMatch(/\/ /); // German / English
  });

  it('refuses private and loopback receivers unless an operator allows them', async () => {
    for (const url of ['http://127.0.0.1:8080/hooks', 'http://localhost/hooks', 'http://[::1]/hooks', 'http://10.0.0.8/hooks', 'http://169.254.169.254/latest']) {
      await expect(assertDeliverableWebhookUrl(url, false)).rejects.toMatchObject({ status: 422 });
      await expect(assertDeliverableWebhookUrl(url.replace('localhost', '127.0.0.1'), true)).resolves.toBeUndefined();
    }
  });

  it('answers malformed, incomplete, unknown-field and oversized requests with 400 / 413', async () => {
    await post('/channels/webhooks').set('content-type', 'application/json').send('{"url": ').expect(400);
    const missing = await post('/channels/webhooks').send({}).expect(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toContain('url');
    await post('/channels/webhooks').send({ url: 'https://hooks.example.org/x', secret: 'mine' }).expect(400);
    await post('/channels/email').send({ address: 'keine-adresse' }).expect(400);
    await post('/channels/webhooks').send({ url: `https://hooks.example.org/${'a'.repeat(20_000)}` }).expect(413);
  });

  it('validates subscriptions: event type patterns, list size, own channels only, scope all for operators', async () => {
    const channel = await post('/channels/email').send({ address: 'info@example.org', defaultSubscription: false }).expect(201);
    await post('/subscriptions').send({ channelId: channel.body.id, eventTypes: ['matching.match.proposed'] }).expect(400);
    await post('/subscriptions').send({ channelId: channel.body.id, eventTypes: [] }).expect(400);
    await post('/subscriptions').send({ channelId: channel.body.id, eventTypes: Array.from({ length: 51 }, (_, i) => `matching.match.t${'x'.repeat(i)}.v1`) }).expect(400);
    await post('/subscriptions').send({ channelId: channel.body.id, eventTypes: ['*'], mode: 'hourly' }).expect(400);
    await post('/subscriptions').send({ channelId: randomUUID(), eventTypes: ['*'] }).expect(422);
    await post('/subscriptions').send({ channelId: channel.body.id, eventTypes: ['*'], scope: 'all' }).expect(403);
    const created = await post('/subscriptions').send({ channelId: channel.body.id, eventTypes: ['matching.match.*', 'matching.gap.detected.v1'], mode: 'digest', language: 'en' }).expect(201);
    expect(created.body).toMatchObject({ eventTypes: ['matching.match.*', 'matching.gap.detected.v1'], mode: 'digest', language: 'en', scope: 'concerned' });
  });

  it('gives new channels the role defaults, hides other organisations (404) and erases channels', async () => {
    const channel = await post('/channels/email').send({ address: 'ausbildung@example.org' }).expect(201);
    const subscriptions = await h.http().get(`/organisations/${company}/subscriptions`).set('authorization', `Bearer ${token}`).expect(200);
    expect(subscriptions.body.find((s: { channelId: string }) => s.channelId === channel.body.id)).toMatchObject({ eventTypes: expect.arrayContaining(['matching.match.*']), mode: 'immediate', language: 'de' });
    const stranger = await h.token('company', randomUUID());
    await h.http().get(`/organisations/${company}/channels`).set('authorization', `Bearer ${stranger}`).expect(404);
    await h.http().get(`/organisations/${company}/inbox`).set('authorization', `Bearer ${stranger}`).expect(404);
    await h.http().get('/deliveries').set('authorization', `Bearer ${token}`).expect(403);
    const operator = await h.token('operator', randomUUID());
    await h.http().get(`/organisations/${company}/channels`).set('authorization', `Bearer ${operator}`).expect(200);
    await h.http().delete(`/organisations/${company}/channels/${channel.body.id}`).set('authorization', `Bearer ${token}`).expect(204);
    expect(await h.query(`SELECT 1 FROM channel WHERE address = 'ausbildung@example.org'`)).toHaveLength(0);
    expect(await h.query(`SELECT 1 FROM subscription WHERE channel_id = $1`, [channel.body.id])).toHaveLength(0);
  });
});
