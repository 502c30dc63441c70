import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { freePort, RunningPlatform, startPlatform } from '../src';

/**
 * The launcher with one real service (partners: the quickest to migrate); the whole platform is
 * exercised by apps/platform-e2e.
 */
describe('startPlatform', () => {
  let platform: RunningPlatform | undefined;

  afterAll(async () => {
    await platform?.stop();
  });

  it('migrates and starts a service as a process, mints tokens it accepts, and stops it', async () => {
    platform = await startPlatform({ label: 'launcher', services: ['partners'] });
    const base = platform.url('partners');
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect(() => platform?.url('needs')).toThrow(/not started/);

    const anonymous = await fetch(`${base}/organisations`);
    expect(anonymous.status).toBe(401);
    const token = await platform.token('operator', randomUUID());
    const listed = await fetch(`${base}/organisations`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect(readFileSync(platform.logFile('partners'), 'utf8')).toContain('"service":"partners"');

    const running = platform;
    platform = undefined;
    await running.stop();
    expect(running.crashed()).toEqual([]);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  }, 300_000);

  it('finds a free port', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65_536);
  });
});
