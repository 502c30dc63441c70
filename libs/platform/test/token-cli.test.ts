import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig, ServiceConfig, TokenVerifier } from '../src';
import { TEST_SECRET } from './support/test-app';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../..');

describe('npm run token', () => {
  it('prints a token the services accept', async () => {
    const partner = '2c5e8f1a-4b3d-4e6f-9a8b-7c6d5e4f3a2b';
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/scripts/token.ts', '--role', 'coordinator', '--role', 'provider', '--partner', partner, '--subject', 'anna'],
      { cwd: repoRoot, env: { ...process.env, DEV_JWT_SECRET: TEST_SECRET } },
    );
    const config = loadConfig(ServiceConfig, { DATABASE_URL: 'postgres://localhost/x', NATS_URL: 'nats://localhost:4222', DEV_JWT_SECRET: TEST_SECRET });
    await expect(new TokenVerifier(config).verify(stdout.trim())).resolves.toEqual({ subject: 'anna', roles: ['coordinator', 'provider'], partnerId: partner });
  });

  it('refuses an unknown role with exit code 2', async () => {
    await expect(run(process.execPath, ['-r', '@swc-node/register', 'tools/scripts/token.ts', '--role', 'admin', '--partner', 'x'], { cwd: repoRoot })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown role: admin'),
    });
  });
});
