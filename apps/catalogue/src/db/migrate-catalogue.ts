import { importReferenceData, ImportReport, referenceDataDirectory, rowsOf } from '@bildungsraum/reference-data';
import { runMigrations } from '@bildungsraum/persistence';
import { seedProgrammes } from '../programmes/seed-programmes';
import { createCatalogueDataSource, CATALOGUE_SCHEMA } from './catalogue-data-source';

export interface MigrationOutcome {
  applied: string[];
  /** Federal programmes seeded by this run (existing ones are left as operators edited them). */
  seededProgrammes: string[];
  /** Present when the reference data was (re)imported. */
  referenceData?: Pick<ImportReport, 'districts' | 'postalCodes' | 'postgis' | 'parseMs' | 'writeMs'>;
}

/**
 * Brings the schema up to date and makes sure postal codes and districts (venues → coordinates
 * and district) are there. The import is idempotent but takes a second, so it runs only when
 * the tables are empty or when asked to.
 */
export async function migrateCatalogue(databaseUrl: string, options: { reimport?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<MigrationOutcome> {
  const dataSource = createCatalogueDataSource(databaseUrl, { poolSize: 2 });
  try {
    const applied = await runMigrations(dataSource);
    const seededProgrammes = await seedProgrammes(dataSource);
    const [row] = rowsOf(await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${CATALOGUE_SCHEMA}".ref_postal_code) AS filled`));
    if (row?.filled && !options.reimport) return { applied, seededProgrammes };
    const report = await importReferenceData(dataSource, CATALOGUE_SCHEMA, referenceDataDirectory(options.env));
    const { districts, postalCodes, postgis, parseMs, writeMs } = report;
    return { applied, seededProgrammes, referenceData: { districts, postalCodes, postgis, parseMs, writeMs } };
  } finally {
    await dataSource.destroy();
  }
}
