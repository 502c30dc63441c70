import { rowsOf, SqlExecutor } from '../../db/sql-executor';
import { Lang } from '../files/taxonomy-files';
import { escapeLike } from '../text/fold';

export type LabelKind = 'skill' | 'occupation' | 'kldb';

export interface LabelHit {
  concept: string;
  label: string;
  lang: Lang;
  /** 1 exact, 0.9 label prefix, 0.85 whole word, 0.8 word prefix, 0.6 inside a word (compounds), below: trigram similarity; plus 0.08 for preferred labels, -0.05 for hidden ones, 0.01 for the asked language. */
  score: number;
}

export interface LabelSearch {
  kind: LabelKind;
  /** Folded query (see `foldLabel`). */
  term: string;
  lang?: Lang;
  limit: number;
  /** Skill types to keep (kind `skill` only). */
  types?: readonly string[];
  /** `prefix`: label prefixes only (1–2 characters); `word` adds word prefixes; `infix` matches inside words; `fuzzy` adds trigram similarity. */
  reach: 'prefix' | 'word' | 'infix' | 'fuzzy';
  /** The word as written (one word, not folded): with `infix` and `fuzzy`, also matched by German stem as a word prefix ("fräsen" → "Fräsmaschine"). */
  stemWord?: string;
}

/**
 * Ranked label matches, best label per concept. With pg_trgm (`trgm` = its quoted schema) the
 * infix and fuzzy matches use the trigram index; without it only label and word prefixes are
 * searched (B-tree prefix index for the first, a scan for the second).
 */
export async function searchLabels(executor: SqlExecutor, s: string, trgm: string | undefined, search: LabelSearch): Promise<LabelHit[]> {
  const escaped = escapeLike(search.term);
  const reach = trgm || search.reach === 'prefix' ? search.reach : 'word';
  const conditions = [`l.search LIKE $2`];
  if (reach !== 'prefix') conditions.push(`l.search LIKE $3 || '%'`);
  if (reach === 'infix' || reach === 'fuzzy') conditions.push(`l.search LIKE $4`);
  if (reach === 'fuzzy') conditions.push(`$1 OPERATOR(${trgm}.<%) l.search`);
  const stem = (reach === 'infix' || reach === 'fuzzy') && search.stemWord && /^[\p{L}\p{N}]{4,}$/u.test(search.stemWord) ? `${search.stemWord.toLowerCase()}:*` : undefined;
  if (stem) conditions.push(`(l.lang = 'de' AND l.tsv @@ to_tsquery('pg_catalog.german', $${typeFilter(search) ? 8 : 7}))`);
  const similarity = reach === 'fuzzy' ? `0.5 * ${trgm}.word_similarity($1, l.search)` : '0';
  const types = typeFilter(search) ? `AND k.type = ANY($7::text[])` : '';
  const result = await executor.query(
    `WITH hits AS (
       SELECT l.concept, l.label, l.lang,
              CASE WHEN l.search = $1 THEN 1.0
                   WHEN l.search LIKE $2 THEN 0.9
                   WHEN ' ' || l.search || ' ' LIKE $3 || ' %' THEN 0.85
                   WHEN l.search LIKE $3 || '%' THEN 0.8
                   ${stem ? `WHEN l.lang = 'de' AND l.tsv @@ to_tsquery('pg_catalog.german', $${types ? 8 : 7}) THEN 0.7` : ''}
                   WHEN l.search LIKE $4 THEN 0.6
                   ELSE ${similarity} END
              -- A preferred label beats an alternative one of the next better tier ("operate forklift" over "forklift driving").
              + CASE l.label_type WHEN 'preferred' THEN 0.08 WHEN 'alternative' THEN 0 ELSE -0.05 END
              + CASE WHEN l.lang = $5 THEN 0.01 ELSE 0 END AS score
       FROM ${s}.ref_taxonomy_label l
       ${search.kind === 'skill' ? `JOIN ${s}.ref_skill k ON k.uri = l.concept` : ''}
       WHERE l.kind = $6 AND (${conditions.join(' OR ')}) ${types}
     ), best AS (
       SELECT DISTINCT ON (concept) concept, label, lang, score FROM hits ORDER BY concept, score DESC, length(label)
     )
     SELECT concept, label, lang, score::float8 AS score FROM best ORDER BY score DESC, length(label), concept LIMIT ${Math.max(1, Math.floor(search.limit))}`,
    [
      search.term,
      `${escaped}%`,
      `% ${escaped}`,
      `%${escaped}%`,
      search.lang ?? '',
      search.kind,
      ...(types ? [search.types] : []),
      ...(stem ? [stem] : []),
    ],
  );
  return rowsOf(result).map((row) => ({
    concept: String(row.concept),
    label: String(row.label),
    lang: String(row.lang).trim() as Lang,
    score: Number(row.score),
  }));
}

function typeFilter(search: LabelSearch): boolean {
  return Boolean(search.types && search.kind === 'skill');
}

/** Which of the folded pieces occur anywhere in a label (the vocabulary test for compound splits). */
export async function knownPieces(executor: SqlExecutor, s: string, pieces: string[], wordStart = false): Promise<Set<string>> {
  if (!pieces.length) return new Set();
  const patterns = pieces.map((piece) => (wordStart ? [`${escapeLike(piece)}%`, `% ${escapeLike(piece)}%`] : [`%${escapeLike(piece)}%`, `%${escapeLike(piece)}%`]));
  const result = await executor.query(
    `SELECT p FROM unnest($1::text[], $2::text[], $3::text[]) AS u(p, a, b)
     WHERE EXISTS (SELECT 1 FROM ${s}.ref_taxonomy_label l WHERE l.kind <> 'kldb' AND (l.search LIKE u.a OR l.search LIKE u.b))`,
    [pieces, patterns.map((pattern) => pattern[0]), patterns.map((pattern) => pattern[1])],
  );
  return new Set(rowsOf(result).map((row) => String(row.p)));
}
