// Development authentication for `npm start`: a signing secret kept in .data/ (so tokens stay
// valid across restarts) and the demo partner organisations to mint one token per role for.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, ensureDataDir } from './paths.mjs';

export const devSecretFile = join(dataDir, 'dev-jwt-secret');
export const demoPartnersFile = join(dataDir, 'demo-partners.json');

/** DEV_JWT_SECRET from the environment, else the one in .data/dev-jwt-secret (created once). */
export function devJwtSecret() {
  if (process.env.DEV_JWT_SECRET) return process.env.DEV_JWT_SECRET;
  ensureDataDir();
  if (!existsSync(devSecretFile)) writeFileSync(devSecretFile, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
  return readFileSync(devSecretFile, 'utf8').trim();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which demo partner to mint each role's token for, from the file the partners demo loader
 * writes. Accepted shapes: `{ "<role>": "<uuid>" | { id, name } }`, or a list (top level or under
 * `partners`) of `{ id, name, role | roles }`. Returns a Map role → { id, name }; empty when the
 * file does not exist (yet).
 */
export function demoPartnersByRole(roles, file = demoPartnersFile) {
  const result = new Map();
  if (!existsSync(file)) return result;
  const content = JSON.parse(readFileSync(file, 'utf8'));
  const list = Array.isArray(content) ? content : Array.isArray(content?.partners) ? content.partners : undefined;
  const entries = list
    ? list.flatMap((partner) => [].concat(partner.roles ?? partner.role ?? []).map((role) => [role, partner]))
    : Object.entries(content ?? {}).map(([role, value]) => [role, typeof value === 'string' ? { id: value } : value]);
  for (const [role, partner] of entries) {
    const id = partner?.id ?? partner?.partnerId;
    if (roles.includes(role) && typeof id === 'string' && UUID.test(id) && !result.has(role)) result.set(role, { id, name: partner.name });
  }
  return result;
}
