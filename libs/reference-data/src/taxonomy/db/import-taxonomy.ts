import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ImportTarget } from '../../db/import-reference-data';
import { quoteSchema, rowsOf, SqlExecutor } from '../../db/sql-executor';
import { SourceReport } from '../../parse/source-report';
import { findTaxonomyFiles, TaxonomyFiles } from '../files/taxonomy-files';
import { loadTaxonomySet } from '../model/load-taxonomy-set';
import { TaxonomySet } from '../model/taxonomy-set';
import { inTransaction } from './in-transaction';
import { writeTaxonomyTables } from './write-taxonomy';

export interface TaxonomyImportReport {
  schema: string;
  directory: string;
  skills: number;
  skillsWithGermanLabels: number;
  occupations: number;
  broaderRelations: number;
  occupationSkills: number;
  kldbCodes: number;
  /** Per source file and per merged table: rows read, accepted, rejected with reasons. */
  sources: SourceReport[];
  /** True when the schema already held exactly this content and nothing was written. */
  unchanged: boolean;
  parseMs: number;
  writeMs: number;
}

/**
 * Loads ESCO skills, skill groups, occupations and their relations and the KldB 2010 of a
 * reference data directory into the schema's tables (created before by `createTaxonomyTables`).
 * One transaction, so readers see the old or the new taxonomy; idempotent (a second run changes
 * no concept row); replicas importing at the same time take turns (advisory lock).
 */
export async function importTaxonomy(
  target: ImportTarget,
  schema: string,
  directory: string,
  files: TaxonomyFiles = findTaxonomyFiles(directory),
  options: { force?: boolean } = {},
): Promise<TaxonomyImportReport> {
  quoteSchema(schema);
  const parseStart = performance.now();
  const set = loadTaxonomySet(directory, files);
  const parseMs = Math.round(performance.now() - parseStart);
  const writeStart = performance.now();
  const unchanged = await inTransaction(target, (executor) => writeTaxonomy(executor, schema, set, options));
  return {
    schema,
    directory,
    skills: set.skills.filter((skill) => skill.type !== 'group').length,
    skillsWithGermanLabels: set.skills.filter((skill) => skill.type !== 'group' && skill.labels.de).length,
    occupations: set.occupations.length,
    broaderRelations: set.broader.length,
    occupationSkills: set.occupationSkills.length,
    kldbCodes: set.kldb.length,
    sources: set.reports,
    unchanged,
    parseMs,
    writeMs: Math.round(performance.now() - writeStart),
  };
}

/**
 * Writes an already built set (e.g. a small one in tests) unless the schema holds exactly this
 * content already (`force` writes anyway); returns whether it was unchanged. Call it inside a
 * transaction: the advisory lock is held until its end.
 */
export async function writeTaxonomy(executor: SqlExecutor, schema: string, set: TaxonomySet, options: { force?: boolean } = {}): Promise<boolean> {
  const s = quoteSchema(schema);
  await executor.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`bildungsraum.taxonomy.${schema}`]);
  const { skills, broader, occupations, occupationSkills, kldb } = set;
  const hash = createHash('sha256').update(JSON.stringify({ v: 1, skills, broader, occupations, occupationSkills, kldb })).digest('hex');
  const [last] = rowsOf(await executor.query(`SELECT content_hash FROM ${s}.ref_taxonomy_import`));
  if (!options.force && last?.content_hash === hash) return true;
  await writeTaxonomyTables(executor, s, set);
  await executor.query(
    `INSERT INTO ${s}.ref_taxonomy_import (content_hash) VALUES ($1)
     ON CONFLICT (singleton) DO UPDATE SET content_hash = EXCLUDED.content_hash, imported_at = now()`,
    [hash],
  );
  return false;
}
