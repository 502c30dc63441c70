// Redocly lint (recommended ruleset, redocly.yaml) of every published OpenAPI document in
// docs/api/: `npm test` fails when one is invalid, so integrators never get a broken file.
// @redocly/openapi-core is the linting engine of Redocly CLI without its docs preview and
// bundling UI; it is ESM-only, hence a .mjs module.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblems, getTotals, lint, loadConfig } from '@redocly/openapi-core';
import { repoRoot } from './paths.mjs';

export const openApiDir = join(repoRoot, 'docs', 'api');

/** Lints every docs/api/*.openapi.json; prints findings; resolves to the number of documents with errors. */
export async function validateOpenApiDocuments({ log = (line) => console.error(line) } = {}) {
  const config = await loadConfig({ configPath: join(repoRoot, 'redocly.yaml') });
  const files = readdirSync(openApiDir).filter((name) => name.endsWith('.openapi.json')).sort();
  if (!files.length) {
    log(`no OpenAPI documents in ${relative(repoRoot, openApiDir)}/`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    const path = join(openApiDir, file);
    const problems = await lint({ ref: path, config });
    const totals = getTotals(problems);
    log(`${relative(repoRoot, path)}: ${totals.errors} errors, ${totals.warnings} warnings`);
    if (problems.length) formatProblems(problems, { format: 'codeframe', totals, version: 'openapi-core', maxProblems: 50 });
    if (totals.errors > 0) failed++;
  }
  return failed;
}
