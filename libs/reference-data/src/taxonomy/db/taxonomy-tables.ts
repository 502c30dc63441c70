import { quoteSchema, SqlExecutor } from '../../db/sql-executor';
import { REBUILT_TABLES, rebuiltTableStatements } from './rebuilt-tables';
import { ensureTrigramExtension, trigramSchema } from './trigram-extension';

export interface TaxonomyTableOptions {
  /**
   * Install pg_trgm when missing and the role may (default true). Without it the label index
   * is a plain B-tree and type-ahead matches label and word prefixes only (no infix, no typos).
   */
  createExtension?: boolean;
}

/**
 * Creates the ESCO/KldB tables in a service's own schema; call it from the service's migration.
 * Idempotent (`IF NOT EXISTS`). Labels of all concepts of both languages live in one table,
 * `ref_taxonomy_label`, with a folded search column (lower case, ä→ae, ß→ss, accents removed,
 * punctuation → space; see `foldLabel`) under a trigram index, and a stemmed `tsvector`
 * (`german` for German labels, `english` for English ones).
 */
export async function createTaxonomyTables(
  queryRunner: SqlExecutor,
  schema: string,
  options: TaxonomyTableOptions = {},
): Promise<{ trigram: boolean }> {
  const s = quoteSchema(schema);
  const trgm = options.createExtension === false ? await trigramSchema(queryRunner) : await ensureTrigramExtension(queryRunner);
  await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${s}.ref_skill (
      uri text PRIMARY KEY,
      type text NOT NULL CHECK (type IN ('skill', 'knowledge', 'group')),
      reuse_level text,
      code text,
      pref_label_de text,
      pref_label_en text,
      alt_labels_de text[] NOT NULL DEFAULT '{}',
      alt_labels_en text[] NOT NULL DEFAULT '{}',
      description_de text,
      description_en text,
      CHECK (pref_label_de IS NOT NULL OR pref_label_en IS NOT NULL)
    )`,
    `CREATE TABLE IF NOT EXISTS ${s}.ref_occupation (
      uri text PRIMARY KEY,
      isco_group char(4),
      code text,
      pref_label_de text,
      pref_label_en text,
      alt_labels_de text[] NOT NULL DEFAULT '{}',
      alt_labels_en text[] NOT NULL DEFAULT '{}',
      description_de text,
      description_en text,
      CHECK (pref_label_de IS NOT NULL OR pref_label_en IS NOT NULL)
    )`,
    `CREATE TABLE IF NOT EXISTS ${s}.ref_kldb (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{1,5}$' AND length(code) = level),
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
      title_de text NOT NULL,
      short_title_de text,
      title_en text,
      parent_code text REFERENCES ${s}.ref_kldb (code) DEFERRABLE INITIALLY DEFERRED
    )`,
    `CREATE INDEX IF NOT EXISTS ref_kldb_parent_idx ON ${s}.ref_kldb (parent_code)`,
    // Which content was imported last, so an unchanged re-import (every replica at start-up) writes nothing.
    `CREATE TABLE IF NOT EXISTS ${s}.ref_taxonomy_import (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      content_hash text NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now()
    )`,
    // Relations and the look-up index of every label (preferred, alternative, hidden).
    ...REBUILT_TABLES.flatMap((table) => rebuiltTableStatements(s, table, table.name, trgm)),
  ];
  for (const statement of statements) await queryRunner.query(statement);
  return { trigram: trgm !== undefined };
}

/** For the migration's `down`. */
export async function dropTaxonomyTables(queryRunner: SqlExecutor, schema: string): Promise<void> {
  const s = quoteSchema(schema);
  for (const table of ['ref_taxonomy_import', 'ref_taxonomy_label', 'ref_kldb_isco', 'ref_occupation_skill', 'ref_skill_broader', 'ref_occupation', 'ref_skill', 'ref_kldb']) {
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.${table}`);
  }
}
