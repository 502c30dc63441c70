/**
 * Imports postal codes and districts into a service's schema:
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/reference-data/scripts/import.ts --schema catalogue [--dir <path>]
 * Creates the ref_* tables when missing (with PostGIS columns if the extension is installed),
 * then loads the files idempotently and prints the per-file report as JSON.
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createReferenceDataTables, importReferenceData, referenceDataDirectory } from '../src';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { schema: { type: 'string' }, dir: { type: 'string' } } });
  const url = process.env.DATABASE_URL;
  if (!values.schema || !url) {
    console.error('Aufruf / usage: DATABASE_URL=postgres://... import.ts --schema <name> [--dir <path>]');
    process.exitCode = 2;
    return;
  }
  const directory = values.dir ?? referenceDataDirectory();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { postgis } = await createReferenceDataTables(client, values.schema);
    const report = await importReferenceData(client, values.schema, directory);
    console.log(JSON.stringify({ ...report, postgisColumns: postgis }, null, 2));
    console.error(`Importiert / imported: ${report.districts} Kreise / districts, ${report.postalCodes} PLZ / postal codes (${report.parseMs} ms parse, ${report.writeMs} ms write)`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
