// The services of the platform, in start order, each with its own HTTP port. `npm start` runs
// those whose app exists (apps/<name>/src/main.ts) and names the others as skipped, so a new
// service joins as soon as its app lands. docker-compose.yml and deploy/k8s get one block each.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

export const services = [
  { name: 'partners', port: 3001 },
  { name: 'needs', port: 3002 },
  { name: 'catalogue', port: 3003 },
  { name: 'matching', port: 3004 },
  {
    name: 'notifications',
    port: 3005,
    // Development only: mail goes to the local catcher, webhooks may target this machine.
    env: { SMTP_URL: 'smtp://127.0.0.1:1025', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' },
    companions: [{ name: 'mail', file: 'apps/notifications/scripts/dev-smtp-catcher.ts', url: 'http://127.0.0.1:1080/', ports: [1025, 1080] }],
  },
];

/** Roles a development token is printed for (the platform's `Role`). */
export const devRoles = ['operator', 'coordinator', 'company', 'provider'];

export const appFile = (service, file) => join(repoRoot, 'apps', service, 'src', file);

/** Services whose app exists, and the names of those that do not yet. */
export function presentServices() {
  const present = services.filter((service) => existsSync(appFile(service.name, 'main.ts')));
  const missing = services.filter((service) => !present.includes(service)).map((service) => service.name);
  return { present, missing };
}
