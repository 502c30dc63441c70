import { quoteSchema, Row, rowsOf, SqlExecutor } from '../../db/sql-executor';
import { trigramSchema } from '../db/trigram-extension';
import { Lang } from '../files/taxonomy-files';
import { SkillRelation, SkillType } from '../model/taxonomy-set';
import { foldLabel } from '../text/fold';
import { searchLabels } from './label-search';
import { englishStem, skillsNamedByOccupation } from './occupation-bridge';
import { resolveSkills, ResolvedSkill } from './resolve-skills-from-text';
import { KldbInfo, SkillInfo, SkillSuggestion, SuggestOptions } from './skill-directory-types';

export type { KldbInfo, SkillInfo, SkillSuggestion, SuggestOptions } from './skill-directory-types';

/** Words of skill names that say what is done, not to what: no kinship between two skills by these. */
const GENERIC_SKILL_WORDS = new Set(
  [
    'operat use apply perform maintain manag ensure equipment techniqu system process machin work safety tend provide carry handle prepare monitor principl',
    'softwar team lead load data information servic product material plan control design tool type part project',
  ]
    .join(' ')
    .split(' ')
    .map(englishStem),
);

/** Reads the taxonomy tables of one schema (filled by `importTaxonomy`). */
export class SkillDirectory {
  private readonly s: string;
  private trgm?: Promise<string | undefined>;

  constructor(
    private readonly executor: SqlExecutor,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** Type-ahead over preferred, alternative and hidden labels of both languages. */
  async suggest(q: string, options: SuggestOptions = {}): Promise<SkillSuggestion[]> {
    const term = foldLabel(q);
    if (!term) return [];
    const lang = options.lang ?? 'de';
    const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
    const types = options.types ?? ['skill', 'knowledge'];
    const trgm = await this.trigram();
    // One or two letters: label prefixes only (B-tree); from three on, trigrams carry the rest.
    const reach = term.length >= 3 ? 'fuzzy' : 'prefix';
    const stemWord = /^[\p{L}\p{N}]+$/u.test(q.trim()) ? q.trim() : undefined;
    const direct = await searchLabels(this.executor, this.s, trgm, { kind: 'skill', term, lang, limit, types, reach, ...(stemWord ? { stemWord } : {}) });
    const scored = new Map<string, { score: number; matchedLabel: string; via?: SkillSuggestion['via'] }>();
    for (const hit of direct) scored.set(hit.concept, { score: hit.score, matchedLabel: hit.label });
    for (const bridged of await this.bridge(term, trgm, stemWord)) {
      if ((scored.get(bridged.uri)?.score ?? 0) < bridged.score) scored.set(bridged.uri, bridged);
    }
    const ranked = [...scored.entries()].sort((a, b) => b[1].score - a[1].score);
    const infos = new Map((await this.skills(ranked.map(([uri]) => uri), lang)).map((info) => [info.uri, info]));
    return ranked
      .flatMap(([uri, match]) => {
        const info = infos.get(uri);
        return info && types.includes(info.type) ? [{ ...info, ...match, score: round(match.score) }] : [];
      })
      .slice(0, limit);
  }

  /**
   * Skills reached through occupations whose labels contain the term (German words name
   * occupations far more often than skills in ESCO's German labels). Scored below direct hits:
   * occupation match score × keyword overlap × 0.8, less for a term naming part of a longer title.
   */
  async bridge(term: string, trgm?: string, stemWord?: string): Promise<Array<{ uri: string; score: number; matchedLabel: string; via: NonNullable<SkillSuggestion['via']> }>> {
    if (term.length < 4) return [];
    const occupations = await searchLabels(this.executor, this.s, trgm, { kind: 'occupation', term, limit: 3, reach: 'infix', ...(stemWord ? { stemWord } : {}) });
    const result = [];
    for (const occupation of occupations.filter((hit) => hit.score >= 0.6)) {
      // A word naming only part of a longer occupation title says less about it ("Teamleiter" in
      // "Teamleiter im Bereich Sozialarbeit" is not about social work): 1/√(words of the title).
      const words = foldLabel(occupation.label.split('/')[0] ?? occupation.label).split(' ').filter((word) => word.length > 2).length;
      const partial = 1 / Math.sqrt(Math.max(1, words));
      for (const skill of await skillsNamedByOccupation(this.executor, this.s, occupation.concept)) {
        result.push({
          uri: skill.uri,
          score: occupation.score * skill.overlap * 0.8 * partial,
          matchedLabel: occupation.label,
          via: { occupationUri: occupation.concept, occupationLabel: occupation.label, word: skill.word },
        });
      }
    }
    return result;
  }

  async get(uri: string, lang: Lang = 'de'): Promise<SkillInfo | undefined> {
    return (await this.skills([uri], lang))[0];
  }

  /** Broader skills and skill groups (the ESCO skills pillar hierarchy). */
  async broader(uri: string, lang: Lang = 'de'): Promise<SkillInfo[]> {
    return this.related(`SELECT broader_uri AS uri FROM ${this.s}.ref_skill_broader WHERE uri = $1`, uri, lang);
  }

  async narrower(uri: string, lang: Lang = 'de'): Promise<SkillInfo[]> {
    return this.related(`SELECT uri FROM ${this.s}.ref_skill_broader WHERE broader_uri = $1`, uri, lang);
  }

  /** The skills ESCO lists as essential (or, with `relation`, optional) for an occupation. */
  async essentialSkillsOf(occupationUri: string, options: { lang?: Lang; relation?: SkillRelation } = {}): Promise<SkillInfo[]> {
    return this.related(
      `SELECT skill_uri AS uri FROM ${this.s}.ref_occupation_skill WHERE occupation_uri = $1 AND relation = '${options.relation === 'optional' ? 'optional' : 'essential'}'`,
      occupationUri,
      options.lang ?? 'de',
    );
  }

  /** Occupations by German or English label (type-ahead), with their ISCO group. */
  async suggestOccupations(q: string, options: { lang?: Lang; limit?: number } = {}): Promise<Array<{ uri: string; label: string; iscoGroup?: string; score: number }>> {
    const term = foldLabel(q);
    if (!term) return [];
    const lang = options.lang ?? 'de';
    const hits = await searchLabels(this.executor, this.s, await this.trigram(), { kind: 'occupation', term, lang, limit: options.limit ?? 10, reach: 'fuzzy' });
    const rows = rowsOf(
      await this.executor.query(`SELECT uri, isco_group, pref_label_de, pref_label_en FROM ${this.s}.ref_occupation WHERE uri = ANY($1::text[])`, [hits.map((hit) => hit.concept)]),
    );
    const byUri = new Map(rows.map((row) => [String(row.uri), row]));
    return hits.flatMap((hit) => {
      const row = byUri.get(hit.concept);
      if (!row) return [];
      const label = String((lang === 'en' ? row.pref_label_en : row.pref_label_de) ?? row.pref_label_de ?? row.pref_label_en);
      return [{ uri: hit.concept, label, ...(row.isco_group ? { iscoGroup: String(row.isco_group) } : {}), score: round(hit.score) }];
    });
  }

  /** A KldB position with its parent chain; codes may be given without leading zeros only when their level is known, so pass the full code ("01104"). */
  async kldb(code: string): Promise<KldbInfo | undefined> {
    if (!/^\d{1,5}$/.test(code.trim())) return undefined;
    const rows = rowsOf(
      await this.executor.query(
        `SELECT code, level, title_de, short_title_de, title_en, parent_code FROM ${this.s}.ref_kldb
         WHERE code = ANY(ARRAY(SELECT left($1::text, n) FROM generate_series(1, length($1::text)) AS n)) ORDER BY level`,
        [code.trim()],
      ),
    );
    const own = rows.find((row) => row.code === code.trim());
    if (!own) return undefined;
    const isco = rowsOf(
      await this.executor.query(`SELECT isco_group FROM ${this.s}.ref_kldb_isco WHERE kldb_code = $1 ORDER BY recommended DESC, isco_group`, [code.trim()]),
    );
    return { ...kldbOf(own), iscoGroups: isco.map((row) => String(row.isco_group)), parents: rows.filter((row) => row !== own).map((row) => ({ code: String(row.code), level: Number(row.level), titleDe: String(row.title_de) })) };
  }

  /** KldB positions by title (German or English) or by code prefix. */
  /**
   * ESCO occupations of a 5-digit KldB code, through the ISCO-08 groups the BA maps it to (those
   * of the recommended group first). An ISCO group is coarse: expect several occupations.
   */
  async occupationsForKldb(code: string, options: { lang?: Lang } = {}): Promise<Array<{ uri: string; label: string; iscoGroup: string; recommended: boolean }>> {
    const lang = options.lang ?? 'de';
    const rows = rowsOf(
      await this.executor.query(
        `SELECT o.uri, o.pref_label_de, o.pref_label_en, o.isco_group, k.recommended
         FROM ${this.s}.ref_kldb_isco k JOIN ${this.s}.ref_occupation o ON o.isco_group = k.isco_group
         WHERE k.kldb_code = $1 ORDER BY k.recommended DESC, o.isco_group, coalesce(o.pref_label_${lang}, o.pref_label_de, o.pref_label_en)`,
        [code.trim()],
      ),
    );
    return rows.map((row) => ({
      uri: String(row.uri),
      label: String((lang === 'en' ? row.pref_label_en : row.pref_label_de) ?? row.pref_label_de ?? row.pref_label_en),
      iscoGroup: String(row.isco_group),
      recommended: Boolean(row.recommended),
    }));
  }

  async suggestKldb(q: string, options: { limit?: number; level?: number } = {}): Promise<Array<Omit<KldbInfo, 'parents' | 'iscoGroups'> & { score: number }>> {
    const limit = options.limit ?? 10;
    const level = options.level ? `AND level = ${Math.floor(options.level)}` : '';
    if (/^\d{1,5}$/.test(q.trim())) {
      const rows = rowsOf(await this.executor.query(`SELECT * FROM ${this.s}.ref_kldb WHERE code LIKE $1 || '%' ${level} ORDER BY level, code LIMIT ${limit}`, [q.trim()]));
      return rows.map((row) => ({ ...kldbOf(row), score: row.code === q.trim() ? 1 : 0.9 }));
    }
    const term = foldLabel(q);
    if (!term) return [];
    const hits = await searchLabels(this.executor, this.s, await this.trigram(), { kind: 'kldb', term, limit: limit * 5, reach: 'fuzzy' });
    const rows = rowsOf(await this.executor.query(`SELECT * FROM ${this.s}.ref_kldb WHERE code = ANY($1::text[]) ${level}`, [hits.map((hit) => hit.concept)]));
    const byCode = new Map(rows.map((row) => [String(row.code), row]));
    return hits.flatMap((hit) => (byCode.has(hit.concept) ? [{ ...kldbOf(byCode.get(hit.concept) as Row), score: round(hit.score) }] : [])).slice(0, limit);
  }

  /**
   * Close relatives of skills: siblings in the ESCO hierarchy (same broader skill) whose English
   * name shares a distinctive word ("operate welding equipment" → "apply arc welding
   * techniques"; "set up crane" → "secure crane"), at most `perSkill` each. A sibling sharing no
   * word is usually another trade under a wide group and is left out.
   */
  async closeRelatives(uris: readonly string[], perSkill = 4): Promise<Map<string, Array<{ uri: string; label: string; word: string }>>> {
    const related = new Map<string, Array<{ uri: string; label: string; word: string }>>();
    if (!uris.length) return related;
    const rows = rowsOf(
      await this.executor.query(
        `SELECT s.uri AS skill, s.pref_label_en AS skill_label, k.uri, k.pref_label_en AS label, coalesce(k.pref_label_de, k.pref_label_en) AS shown
           FROM ${this.s}.ref_skill s
           JOIN ${this.s}.ref_skill_broader b ON b.uri = s.uri
           JOIN ${this.s}.ref_skill_broader b2 ON b2.broader_uri = b.broader_uri AND b2.uri <> s.uri
           JOIN ${this.s}.ref_skill k ON k.uri = b2.uri AND k.type <> 'group'
          WHERE s.uri = ANY($1::text[]) AND s.pref_label_en IS NOT NULL AND k.pref_label_en IS NOT NULL`,
        [uris],
      ),
    );
    const wordsOf = (label: string) => new Set(foldLabel(label).split(' ').map(englishStem).filter((word) => word.length >= 4 && !GENERIC_SKILL_WORDS.has(word)));
    // Shorter names first: among siblings the plainer name is the more central one ("secure crane" before "set up tower crane").
    rows.sort((a, b) => String(a.label).length - String(b.label).length || String(a.uri).localeCompare(String(b.uri)));
    for (const row of rows) {
      const skill = String(row.skill);
      const shared = [...wordsOf(String(row.skill_label))].find((word) => wordsOf(String(row.label)).has(word));
      const list = related.get(skill) ?? [];
      if (!shared || list.length >= perSkill || list.some((entry) => entry.uri === String(row.uri))) continue;
      list.push({ uri: String(row.uri), label: String(row.shown), word: shared });
      related.set(skill, list);
    }
    return related;
  }

  /** See `resolveSkills`: German (or English) free text → skills with evidence. */
  async resolveSkillsFromText(text: string, options: { limit?: number } = {}): Promise<ResolvedSkill[]> {
    return resolveSkills(this, this.executor, this.s, await this.trigram(), text, options);
  }

  /** Skill infos in the order of the URIs given. */
  async skills(uris: string[], lang: Lang): Promise<SkillInfo[]> {
    if (!uris.length) return [];
    const rows = rowsOf(await this.executor.query(`SELECT * FROM ${this.s}.ref_skill WHERE uri = ANY($1::text[])`, [uris]));
    const byUri = new Map(rows.map((row) => [String(row.uri), skillOf(row, lang)]));
    return uris.flatMap((uri) => byUri.get(uri) ?? []);
  }

  private async related(sql: string, uri: string, lang: Lang): Promise<SkillInfo[]> {
    const uris = rowsOf(await this.executor.query(sql, [uri])).map((row) => String(row.uri));
    return (await this.skills(uris, lang)).sort((a, b) => a.label.localeCompare(b.label, lang));
  }

  private trigram(): Promise<string | undefined> {
    this.trgm ??= trigramSchema(this.executor);
    return this.trgm;
  }
}

function skillOf(row: Row, lang: Lang): SkillInfo {
  const de = (row.pref_label_de as string | null) ?? undefined;
  const en = (row.pref_label_en as string | null) ?? undefined;
  const description = ((lang === 'en' ? row.description_en : row.description_de) ?? row.description_en ?? row.description_de) as string | null;
  return {
    uri: String(row.uri),
    type: row.type as SkillType,
    ...(row.reuse_level ? { reuseLevel: String(row.reuse_level) } : {}),
    label: (lang === 'en' ? (en ?? de) : (de ?? en)) ?? '',
    labels: { ...(de ? { de } : {}), ...(en ? { en } : {}) },
    altLabels: { de: (row.alt_labels_de as string[]) ?? [], en: (row.alt_labels_en as string[]) ?? [] },
    ...(description ? { description } : {}),
  };
}

function kldbOf(row: Row): Omit<KldbInfo, 'parents' | 'iscoGroups'> {
  return {
    code: String(row.code),
    level: Number(row.level),
    titleDe: String(row.title_de),
    ...(row.short_title_de ? { shortTitleDe: String(row.short_title_de) } : {}),
    ...(row.title_en ? { titleEn: String(row.title_en) } : {}),
    ...(row.parent_code ? { parentCode: String(row.parent_code) } : {}),
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
