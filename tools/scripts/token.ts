/**
 * Mints a development token that services in AUTH_MODE=local accept.
 *   npm run token -- --role coordinator --partner <uuid> [--role operator] [--subject alice] [--ttl 8h]
 * Reads DEV_JWT_SECRET, DEV_JWT_ISSUER/AUDIENCE and the claim names from the environment (same
 * defaults as the services); without DEV_JWT_SECRET it uses the secret `npm start` keeps in
 * .data/dev-jwt-secret, so tokens fit the running platform. Prints the token on stdout and nothing
 * else, so `$(npm run -s token …)` works.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthSettings, isRole, loadConfig, mintDevToken, Role, ROLES } from '@bildungsraum/platform';

const USAGE = `Aufruf / usage: npm run token -- --role <${ROLES.join('|')}> --partner <partner-uuid> [--subject <id>] [--ttl 8h]`;

/** The secret `npm start` generated (tools/scripts/lib/dev-auth.mjs), if there is one. */
function startSecret(): string | undefined {
  const file = join(resolve(__dirname, '../..'), '.data', 'dev-jwt-secret');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      partner: { type: 'string' },
      subject: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0 || !values.partner) {
    const reason = unknown.length > 0 ? `Unbekannte Rolle / unknown role: ${unknown.join(', ')}` : 'Rolle und Partner fehlen / role and partner are required';
    process.stderr.write(`${reason}\n${USAGE}\n`);
    process.exit(2);
  }
  const settings = loadConfig(AuthSettings, { ...process.env, DEV_JWT_SECRET: process.env.DEV_JWT_SECRET || startSecret() });
  const token = await mintDevToken({ role: roles as Role[], partnerId: values.partner, subject: values.subject, ttl: values.ttl }, settings);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
