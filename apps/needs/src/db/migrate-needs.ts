import { importReferenceData, ImportReport, referenceDataDirectory, rowsOf } from '@bildungsraum/reference-data';
import { runMigrations } from '@bildungsraum/persistence';
import { createNeedsDataSource, NEEDS_SCHEMA } from './needs-data-source';

export interface MigrationOutcome {
  applied: string[];
  referenceData?: Pick<ImportReport, 'districts' | 'postalCodes' | 'postgis' | 'parseMs' | 'writeMs'>;
}

/** Schema up to date, postal codes and districts present (imported when empty or on request). */
export async function migrateNeeds(databaseUrl: string, options: { reimport?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<MigrationOutcome> {
  const dataSource = createNeedsDataSource(databaseUrl, { poolSize: 2 });
  try {
    const applied = await runMigrations(dataSource);
    const [row] = rowsOf(await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${NEEDS_SCHEMA}".ref_postal_code) AS filled`));
    if (row?.filled && !options.reimport) return { applied };
    const { districts, postalCodes, postgis, parseMs, writeMs } = await importReferenceData(dataSource, NEEDS_SCHEMA, referenceDataDirectory(options.env));
    return { applied, referenceData: { districts, postalCodes, postgis, parseMs, writeMs } };
  } finally {
    await dataSource.destroy();
  }
}
