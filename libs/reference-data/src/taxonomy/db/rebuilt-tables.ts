/**
 * The tables an import rebuilds as a whole (relations and the label index): they have no
 * identity of their own, and filling a fresh table then building its indexes is about twice
 * as fast as inserting 160,000 labels into live GIN indexes. `table` is the unquoted name, so
 * the import can build `<name>_next` and swap it in.
 */
export interface RebuiltTable {
  name: 'ref_skill_broader' | 'ref_occupation_skill' | 'ref_kldb_isco' | 'ref_taxonomy_label';
  columns: string;
  /** Index name suffix → definition after `ON <table>`. */
  indexes: (trgm: string | undefined) => Record<string, string>;
}

export const REBUILT_TABLES: readonly RebuiltTable[] = [
  {
    name: 'ref_skill_broader',
    columns: 'uri text NOT NULL, broader_uri text NOT NULL',
    indexes: () => ({ key: 'UNIQUE (uri, broader_uri)', broader_idx: '(broader_uri)' }),
  },
  {
    name: 'ref_occupation_skill',
    columns: `occupation_uri text NOT NULL, skill_uri text NOT NULL,
      relation text NOT NULL CHECK (relation IN ('essential', 'optional'))`,
    indexes: () => ({ key: 'UNIQUE (occupation_uri, skill_uri)', skill_idx: '(skill_uri)' }),
  },
  {
    name: 'ref_kldb_isco',
    columns: 'kldb_code text NOT NULL, isco_group char(4) NOT NULL, recommended boolean NOT NULL',
    indexes: () => ({ key: 'UNIQUE (kldb_code, isco_group)', isco_idx: '(isco_group)' }),
  },
  {
    name: 'ref_taxonomy_label',
    columns: `kind text NOT NULL CHECK (kind IN ('skill', 'occupation', 'kldb')),
      concept text NOT NULL,
      lang char(2) NOT NULL CHECK (lang IN ('de', 'en')),
      label_type text NOT NULL CHECK (label_type IN ('preferred', 'alternative', 'hidden')),
      label text NOT NULL,
      search text NOT NULL,
      tsv tsvector NOT NULL`,
    indexes: (trgm) => ({
      concept_idx: '(kind, concept)',
      tsv_idx: 'USING gin (tsv)',
      // Label prefixes of 1–2 characters (too short for trigrams) and prefix search without pg_trgm.
      search_prefix_idx: '(search text_pattern_ops)',
      ...(trgm ? { search_trgm_idx: `USING gin (search ${trgm}.gin_trgm_ops)` } : {}),
    }),
  },
];

/** CREATE TABLE and CREATE INDEX statements for `table` named `name` in the quoted schema `s`. */
export function rebuiltTableStatements(s: string, table: RebuiltTable, name: string, trgm: string | undefined): string[] {
  const indexes = Object.entries(table.indexes(trgm)).map(([suffix, definition]) => {
    const unique = definition.startsWith('UNIQUE');
    return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name}_${suffix} ON ${s}.${name} ${unique ? definition.slice('UNIQUE '.length) : definition}`;
  });
  return [`CREATE TABLE IF NOT EXISTS ${s}.${name} (${table.columns})`, ...indexes];
}

/** Renames the freshly built `<name>_next` (and its indexes) over the live table. */
export function swapStatements(s: string, table: RebuiltTable, trgm: string | undefined): string[] {
  return [
    `DROP TABLE IF EXISTS ${s}.${table.name}`,
    `ALTER TABLE ${s}.${table.name}_next RENAME TO ${table.name}`,
    ...Object.keys(table.indexes(trgm)).map((suffix) => `ALTER INDEX ${s}.${table.name}_next_${suffix} RENAME TO ${table.name}_${suffix}`),
  ];
}
