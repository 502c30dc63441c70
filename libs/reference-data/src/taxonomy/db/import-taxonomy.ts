import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ImportTarget } from '../../db/import-reference-data';
import { quoteSchema, rowsOf, SqlExecutor } from '../../db/sql-executor';
import { SourceReport } from '../../parse/source-report';
import { findTaxonomyFiles, TaxonomyFiles } from '../files/taxonomy-files';
import { loadTaxonomySet } from '../model/load-taxonomy-set';
import { TaxonomySet } from '../model/taxonomy-set';
import { inTransaction } from '../../db/in-transaction';
import { writeTaxonomyTables } from './write-taxonomy';

/**
 * Part of the content hash: raise it when the rebuilt tables or their indexes change, so the
 * next import rebuilds them even though the files are the same.
 */
const LAYOUT_VERSION = 3;

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
  /** True when the schema already held exactly these files (or this set) and nothing was parsed or written; `sources` is then empty and the counts come from the tables. */
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
  const s = quoteSchema(schema);
  // The files' bytes decide first: an unchanged re-import (every replica at start-up) skips parsing too.
  const filesHash = hashFiles(files);
  if (!options.force && (await storedHash(target, s)) === filesHash) {
    return { schema, directory, ...(await countRows(target, s)), sources: [], unchanged: true, parseMs: 0, writeMs: 0 };
  }
  const parseStart = performance.now();
  const set = loadTaxonomySet(directory, files);
  const parseMs = Math.round(performance.now() - parseStart);
  const writeStart = performance.now();
  const unchanged = await inTransaction(target, (executor) => writeTaxonomy(executor, schema, set, { ...options, hash: filesHash }));
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

function hashFiles(files: TaxonomyFiles): string {
  const hash = createHash('sha256').update(`taxonomy-files ${LAYOUT_VERSION}`);
  const paths = Object.values(files).flatMap((value: unknown) =>
    Array.isArray(value) ? value.map((file: { path: string }) => file.path) : typeof value === 'string' ? [value] : [],
  );
  for (const path of paths.sort()) hash.update(`\0${basename(path)}\0`).update(readFileSync(path));
  return hash.digest('hex');
}

async function storedHash(target: ImportTarget, s: string): Promise<string | undefined> {
  const executor = 'createQueryRunner' in target ? (target as unknown as SqlExecutor) : target;
  const [row] = rowsOf(await executor.query(`SELECT content_hash FROM ${s}.ref_taxonomy_import`));
  return row ? String(row.content_hash) : undefined;
}

async function countRows(target: ImportTarget, s: string) {
  const executor = 'createQueryRunner' in target ? (target as unknown as SqlExecutor) : target;
  const [row] = rowsOf(
    await executor.query(
      `SELECT (SELECT count(*) FROM ${s}.ref_skill WHERE type <> 'group')::int AS skills,
              (SELECT count(*) FROM ${s}.ref_skill WHERE type <> 'group' AND pref_label_de IS NOT NULL)::int AS skills_de,
              (SELECT count(*) FROM ${s}.ref_occupation)::int AS occupations,
              (SELECT count(*) FROM ${s}.ref_skill_broader)::int AS broader,
              (SELECT count(*) FROM ${s}.ref_occupation_skill)::int AS links,
              (SELECT count(*) FROM ${s}.ref_kldb)::int AS kldb`,
    ),
  );
  return {
    skills: Number(row?.skills ?? 0),
    skillsWithGermanLabels: Number(row?.skills_de ?? 0),
    occupations: Number(row?.occupations ?? 0),
    broaderRelations: Number(row?.broader ?? 0),
    occupationSkills: Number(row?.links ?? 0),
    kldbCodes: Number(row?.kldb ?? 0),
  };
}

/**
 * Writes an already built set (e.g. a small one in tests) unless the schema holds exactly this
 * content already (`force` writes anyway); returns whether it was unchanged. Call it inside a
 * transaction: the advisory lock is held until its end.
 */
export async function writeTaxonomy(
  executor: SqlExecutor,
  schema: string,
  set: TaxonomySet,
  options: { force?: boolean; hash?: string } = {},
): Promise<boolean> {
  const s = quoteSchema(schema);
  await executor.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`bildungsraum.taxonomy.${schema}`]);
  const { skills, broader, occupations, occupationSkills, kldb, kldbIsco } = set;
  const content = JSON.stringify({ v: LAYOUT_VERSION, skills, broader, occupations, occupationSkills, kldb, kldbIsco });
  const hash = options.hash ?? createHash('sha256').update(content).digest('hex');
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
