import { importReferenceData, importTaxonomy, ImportReport, referenceDataDirectory, rowsOf, TaxonomyImportReport } from '@bildungsraum/reference-data';
import { runMigrations } from '@bildungsraum/persistence';
import { seedProgrammes } from '../programmes/seed-programmes';
import { createCatalogueDataSource, CATALOGUE_SCHEMA } from './catalogue-data-source';

export interface MigrationOutcome {
  applied: string[];
  /** Federal programmes seeded by this run (existing ones are left as operators edited them). */
  seededProgrammes: string[];
  /** Present when the reference data was (re)imported. */
  referenceData?: Pick<ImportReport, 'districts' | 'postalCodes' | 'postgis' | 'parseMs' | 'writeMs'>;
  taxonomy?: Pick<TaxonomyImportReport, 'skills' | 'occupations' | 'kldbCodes'>;
}

export interface MigrationOptions {
  reimport?: boolean;
  /** Import ESCO/KldB too (seconds the first time, well under one when unchanged). */
  taxonomy?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Brings the schema up to date, seeds the federal funding programmes and makes sure postal codes
 * and districts (venues → coordinates and district) are there; with `taxonomy`, ESCO and KldB as
 * well. The postal code import runs only when its tables are empty or when asked to.
 */
export async function migrateCatalogue(databaseUrl: string, options: MigrationOptions = {}): Promise<MigrationOutcome> {
  const dataSource = createCatalogueDataSource(databaseUrl, { poolSize: 2 });
  try {
    const applied = await runMigrations(dataSource);
    const seededProgrammes = await seedProgrammes(dataSource);
    const outcome: MigrationOutcome = { applied, seededProgrammes };
    const directory = referenceDataDirectory(options.env);
    const [row] = rowsOf(await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${CATALOGUE_SCHEMA}".ref_postal_code) AS filled`));
    if (!row?.filled || options.reimport) {
      const { districts, postalCodes, postgis, parseMs, writeMs } = await importReferenceData(dataSource, CATALOGUE_SCHEMA, directory);
      outcome.referenceData = { districts, postalCodes, postgis, parseMs, writeMs };
    }
    if (options.taxonomy) {
      const { skills, occupations, kldbCodes } = await importTaxonomy(dataSource, CATALOGUE_SCHEMA, directory, undefined, { force: options.reimport });
      outcome.taxonomy = { skills, occupations, kldbCodes };
    }
    return outcome;
  } finally {
    await dataSource.destroy();
  }
}
