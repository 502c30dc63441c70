import { SqlExecutor } from '../../db/sql-executor';
import { Lang, LANGS } from '../files/taxonomy-files';
import { Labels, TaxonomySet } from '../model/taxonomy-set';
import { foldLabel } from '../text/fold';
import { REBUILT_TABLES, RebuiltTable, rebuiltTableStatements, swapStatements } from './rebuilt-tables';
import { trigramSchema } from './trigram-extension';

/** Rows per JSON batch: keeps single parameters well below a few tens of MB. */
const BATCH = 50_000;

/**
 * Writes a taxonomy into the schema's tables (quoted schema `s`). Each table goes in as one
 * JSON array per batch, unpacked by `json_to_recordset` (arrays become text[] columns).
 * Concept tables are upserted, skipping unchanged rows, and vanished concepts deleted, so
 * service tables may reference them; relation and label tables are built anew beside the live
 * ones and swapped in at the end (readers keep the old ones until commit). Call it inside a
 * transaction.
 */
export async function writeTaxonomyTables(executor: SqlExecutor, s: string, set: TaxonomySet): Promise<void> {
  await upsert(executor, `${s}.ref_skill`, 'uri', SKILL_COLUMNS, set.skills.map((skill) => ({
    uri: skill.uri,
    type: skill.type,
    reuse_level: skill.reuseLevel ?? null,
    code: skill.code ?? null,
    ...labelColumns(skill.labels),
  })));
  await upsert(executor, `${s}.ref_occupation`, 'uri', OCCUPATION_COLUMNS, set.occupations.map((occupation) => ({
    uri: occupation.uri,
    isco_group: occupation.iscoGroup ?? null,
    code: occupation.code ?? null,
    ...labelColumns(occupation.labels),
  })));
  await upsert(executor, `${s}.ref_kldb`, 'code', KLDB_COLUMNS, set.kldb.map((entry) => ({
    code: entry.code,
    level: entry.level,
    title_de: entry.titleDe,
    short_title_de: entry.shortTitleDe ?? null,
    title_en: entry.titleEn ?? null,
    parent_code: entry.parentCode ?? null,
  })));
  await executor.query(`DELETE FROM ${s}.ref_skill WHERE uri <> ALL($1::text[])`, [set.skills.map((skill) => skill.uri)]);
  await executor.query(`DELETE FROM ${s}.ref_occupation WHERE uri <> ALL($1::text[])`, [set.occupations.map((o) => o.uri)]);
  await executor.query(`DELETE FROM ${s}.ref_kldb WHERE code <> ALL($1::text[])`, [set.kldb.map((entry) => entry.code)]);

  const trgm = await trigramSchema(executor);
  // GIN builds of 160,000 labels run several times faster with room to sort in memory.
  await executor.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const table of REBUILT_TABLES) {
    const next = `${table.name}_next`;
    await executor.query(`DROP TABLE IF EXISTS ${s}.${next}`);
    const [create, ...indexes] = rebuiltTableStatements(s, table, next, trgm);
    await executor.query(create);
    await fillRebuilt(executor, s, next, table.name, set);
    for (const statement of [...indexes, ...swapStatements(s, table, trgm)]) await executor.query(statement);
  }
}

async function fillRebuilt(executor: SqlExecutor, s: string, next: string, name: RebuiltTable['name'], set: TaxonomySet): Promise<void> {
  if (name === 'ref_skill_broader') {
    await insert(executor, `${s}.${next}`, [['uri', 'text'], ['broader_uri', 'text']],
      set.broader.map((relation) => ({ uri: relation.uri, broader_uri: relation.broaderUri })));
  } else if (name === 'ref_occupation_skill') {
    await insert(executor, `${s}.${next}`, [['occupation_uri', 'text'], ['skill_uri', 'text'], ['relation', 'text']],
      set.occupationSkills.map((link) => ({ occupation_uri: link.occupationUri, skill_uri: link.skillUri, relation: link.relation })));
  } else if (name === 'ref_kldb_isco') {
    await insert(executor, `${s}.${next}`, [['kldb_code', 'text'], ['isco_group', 'char(4)'], ['recommended', 'boolean']],
      set.kldbIsco.map((link) => ({ kldb_code: link.code, isco_group: link.iscoGroup, recommended: link.recommended })));
  } else {
    await insertLabels(executor, `${s}.${next}`, labelRows(set));
  }
}

const LABEL_COLUMNS: Array<[string, string]> = [
  ['pref_label_de', 'text'], ['pref_label_en', 'text'], ['alt_labels_de', 'text[]'], ['alt_labels_en', 'text[]'],
  ['description_de', 'text'], ['description_en', 'text'],
];
const SKILL_COLUMNS: Array<[string, string]> = [['uri', 'text'], ['type', 'text'], ['reuse_level', 'text'], ['code', 'text'], ...LABEL_COLUMNS];
const OCCUPATION_COLUMNS: Array<[string, string]> = [['uri', 'text'], ['isco_group', 'char(4)'], ['code', 'text'], ...LABEL_COLUMNS];
const KLDB_COLUMNS: Array<[string, string]> = [
  ['code', 'text'], ['level', 'smallint'], ['title_de', 'text'], ['short_title_de', 'text'], ['title_en', 'text'], ['parent_code', 'text'],
];

function labelColumns(labels: Labels): Record<string, unknown> {
  return {
    pref_label_de: labels.de?.preferred ?? null,
    pref_label_en: labels.en?.preferred ?? null,
    alt_labels_de: labels.de?.alternatives ?? [],
    alt_labels_en: labels.en?.alternatives ?? [],
    description_de: labels.de?.description ?? null,
    description_en: labels.en?.description ?? null,
  };
}

async function upsert(executor: SqlExecutor, table: string, key: string, columns: Array<[string, string]>, rows: object[]): Promise<void> {
  const names = columns.map(([name]) => name);
  const others = names.filter((name) => name !== key);
  for (let start = 0; start < rows.length; start += BATCH) {
    await executor.query(
      `INSERT INTO ${table} AS t (${names.join(', ')})
       SELECT ${names.join(', ')} FROM json_to_recordset($1::json) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})
       ON CONFLICT (${key}) DO UPDATE SET ${others.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}
       WHERE (${others.map((name) => `t.${name}`).join(', ')}) IS DISTINCT FROM (${others.map((name) => `EXCLUDED.${name}`).join(', ')})`,
      [JSON.stringify(rows.slice(start, start + BATCH))],
    );
  }
}

async function insert(executor: SqlExecutor, table: string, columns: Array<[string, string]>, rows: object[]): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    await executor.query(
      `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`,
      [JSON.stringify(rows.slice(start, start + BATCH))],
    );
  }
}

interface LabelRow {
  kind: 'skill' | 'occupation' | 'kldb';
  concept: string;
  lang: Lang;
  label_type: 'preferred' | 'alternative' | 'hidden';
  label: string;
  search: string;
}

function labelRows(set: TaxonomySet): LabelRow[] {
  const rows: LabelRow[] = [];
  const add = (kind: LabelRow['kind'], concept: string, lang: Lang, label_type: LabelRow['label_type'], label: string) => {
    const search = foldLabel(label);
    if (search) rows.push({ kind, concept, lang, label_type, label, search });
  };
  const addConcept = (kind: LabelRow['kind'], uri: string, labels: Labels) => {
    for (const lang of LANGS) {
      const set = labels[lang];
      if (!set) continue;
      add(kind, uri, lang, 'preferred', set.preferred);
      for (const label of set.alternatives) add(kind, uri, lang, 'alternative', label);
      for (const label of set.hidden) add(kind, uri, lang, 'hidden', label);
    }
  };
  for (const skill of set.skills) addConcept('skill', skill.uri, skill.labels);
  for (const occupation of set.occupations) addConcept('occupation', occupation.uri, occupation.labels);
  for (const entry of set.kldb) {
    add('kldb', entry.code, 'de', 'preferred', entry.titleDe);
    if (entry.shortTitleDe) add('kldb', entry.code, 'de', 'alternative', entry.shortTitleDe);
    if (entry.titleEn) add('kldb', entry.code, 'en', 'preferred', entry.titleEn);
  }
  return rows;
}

async function insertLabels(executor: SqlExecutor, table: string, rows: LabelRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await executor.query(
      `INSERT INTO ${table} (kind, concept, lang, label_type, label, search, tsv)
       SELECT kind, concept, lang, label_type, label, search,
              to_tsvector(CASE lang WHEN 'de' THEN 'pg_catalog.german' ELSE 'pg_catalog.english' END::regconfig, label)
       FROM json_to_recordset($1::json) AS r(kind text, concept text, lang text, label_type text, label text, search text)`,
      [JSON.stringify(rows.slice(start, start + BATCH))],
    );
  }
}
