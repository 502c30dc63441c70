// Where the repository and its local runtime data live, independent of the caller's cwd.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runtime data of `npm start` / local servers (git-ignored): `<repo>/.data`. */
export const dataDir = join(repoRoot, '.data');

export function ensureDataDir() {
  mkdirSync(dataDir, { recursive: true });
  return dataDir;
}
