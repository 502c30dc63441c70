/**
 * Mints a development token that services in AUTH_MODE=local accept.
 *   npm run token -- --role coordinator --partner <uuid> [--role operator] [--subject alice] [--ttl 8h]
 * Reads DEV_JWT_SECRET, DEV_JWT_ISSUER/AUDIENCE and the claim names from the environment (same
 * defaults as the services), prints the token on stdout and nothing else, so `$(npm run -s token …)` works.
 */
import { parseArgs } from 'node:util';
import { AuthSettings, isRole, loadConfig, mintDevToken, Role, ROLES } from '@bildungsraum/platform';

const USAGE = `Aufruf / usage: npm run token -- --role <${ROLES.join('|')}> --partner <partner-uuid> [--subject <id>] [--ttl 8h]`;

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
  const settings = loadConfig(AuthSettings);
  const token = await mintDevToken({ role: roles as Role[], partnerId: values.partner, subject: values.subject, ttl: values.ttl }, settings);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
