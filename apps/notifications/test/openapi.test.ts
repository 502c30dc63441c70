import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MailCatcher } from '../scripts/mail-catcher';
import { NotificationsHarness, startNotifications } from './support/notifications-harness';

/** docs/api/notifications.openapi.json is generated (scripts/write-openapi.ts); this catches drift. */
describe('OpenAPI document', () => {
  let h: NotificationsHarness;
  const mail = new MailCatcher();

  beforeAll(async () => {
    await mail.start();
    h = await startNotifications('notif-openapi', mail.url);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mail.stop();
  });

  it('is served at /docs/openapi.json and matches the checked-in file', async () => {
    const served = await h.http().get('/docs/openapi.json').expect(200);
    const file = JSON.parse(readFileSync(resolve(__dirname, '..', '..', '..', 'docs', 'api', 'notifications.openapi.json'), 'utf8'));
    expect(served.body.openapi).toBe('3.1.0');
    expect(served.body.paths).toEqual(file.paths);
    expect(served.body.components).toEqual(file.components);
  });
});
