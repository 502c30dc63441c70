/**
 * Writes docs/asyncapi.yaml and docs/schemas/<type>.schema.json from the event catalogue:
 *   npm run asyncapi
 * The contracts test fails while the checked-in files differ from what this would write.
 */
import 'reflect-metadata';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderContractDocs, REPO_ROOT, SCHEMAS_DIR } from './asyncapi/render-contract-docs';

const files = renderContractDocs();
for (const [path, content] of files) {
  const target = resolve(REPO_ROOT, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
// A schema of an event that left the catalogue would otherwise linger and mislead integrators.
for (const name of readdirSync(resolve(REPO_ROOT, SCHEMAS_DIR))) {
  if (name.endsWith('.schema.json') && !files.has(`${SCHEMAS_DIR}/${name}`)) rmSync(resolve(REPO_ROOT, SCHEMAS_DIR, name));
}
console.log(`Geschrieben / written: ${[...files.keys()].join(', ')}`);
