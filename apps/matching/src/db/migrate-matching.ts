import { importTaxonomy, referenceDataDirectory, TaxonomyImportReport } from '@bildungsraum/reference-data';
import { runMigrations } from '@bildungsraum/persistence';
import { createMatchingDataSource, MATCHING_SCHEMA } from './matching-data-source';

export interface MigrationOutcome {
  applied: string[];
  taxonomy?: Pick<TaxonomyImportReport, 'skills' | 'occupations' | 'kldbCodes'>;
}

/**
 * Schema up to date; with `taxonomy` (the default of `nx run matching:migrate`), ESCO and KldB
 * imported into the schema for reading skills out of the needs' free text. An unchanged
 * re-import is recognised by the files' hash and takes well under a second.
 */
export async function migrateMatching(databaseUrl: string, options: { taxonomy?: boolean; reimport?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<MigrationOutcome> {
  const dataSource = createMatchingDataSource(databaseUrl, { poolSize: 2 });
  try {
    const applied = await runMigrations(dataSource);
    if (!options.taxonomy) return { applied };
    const { skills, occupations, kldbCodes } = await importTaxonomy(dataSource, MATCHING_SCHEMA, referenceDataDirectory(options.env), undefined, { force: options.reimport });
    return { applied, taxonomy: { skills, occupations, kldbCodes } };
  } finally {
    await dataSource.destroy();
  }
}
