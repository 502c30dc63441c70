/**
 * Imports ESCO skills/occupations and the KldB 2010 into a service's schema:
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/reference-data/scripts/import-taxonomy.ts --schema catalogue [--dir <path>] [--force]
 * Creates the tables when missing (installing pg_trgm if the role may), then loads the files
 * idempotently (an unchanged content writes nothing unless --force) and prints the report as JSON.
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createTaxonomyTables, findTaxonomyFiles, importTaxonomy, referenceDataDirectory } from '../src';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { schema: { type: 'string' }, dir: { type: 'string' }, force: { type: 'boolean' } } });
  const url = process.env.DATABASE_URL;
  if (!values.schema || !url) {
    console.error('Aufruf / usage: DATABASE_URL=postgres://... import-taxonomy.ts --schema <name> [--dir <path>] [--force]');
    process.exitCode = 2;
    return;
  }
  const directory = values.dir ?? referenceDataDirectory();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { trigram } = await createTaxonomyTables(client, values.schema);
    const report = await importTaxonomy(client, values.schema, directory, findTaxonomyFiles(directory), { force: values.force ?? false });
    console.log(JSON.stringify({ ...report, trigramIndex: trigram }, null, 2));
    console.error(
      `Importiert / imported: ${report.skills} Kompetenzen / skills (${report.skillsWithGermanLabels} mit deutschen Bezeichnungen / with German labels), ` +
        `${report.occupations} Berufe / occupations, ${report.kldbCodes} KldB-Positionen / KldB codes` +
        (report.unchanged ? ' – unverändert / unchanged' : '') +
        ` (${report.parseMs} ms parse, ${report.writeMs} ms write)`,
    );
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
