import { rowsOf, SqlExecutor } from '../../db/sql-executor';
import { foldLabel } from '../text/fold';

export interface BridgedSkill {
  uri: string;
  /** 0–1: how strongly the skill carries the occupation's main English words. */
  overlap: number;
  /** The shared English word, e.g. "forklift". */
  word: string;
}

const GENERIC_WORDS = new Set(
  'a an and of the in on for to with or worker workers operator operators driver drivers assistant assistants manager managers technician technicians specialist officer staff helper person'
    .split(' ')
    .map((word) => englishStem(word)),
);

/**
 * A crude English stem, enough to let an occupation's word meet its activity: "welder" and
 * "welding" → "weld", "nurse" and "nursing" → "nurs", "cranes" → "cran". Short words stay whole.
 */
export function englishStem(word: string): string {
  for (const suffix of ['ings', 'ing', 'ers', 'er', 'ors', 'or', 'es', 'ed', 's', 'e']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * From an occupation to the skills its name is about. ESCO has German labels for every
 * occupation but for only a sixth of the skills, so a German word often names an occupation
 * ("Staplerfahrer") while the skills it implies ("operate forklift") have English labels only.
 * The bridge keeps the occupation's essential skills whose English labels share a word with the
 * occupation's English labels, weighted by how many of those labels carry the word
 * ("forklift" is in 7 of 9, "warehouse" in 2): the occupation's keyword, not "keep records".
 */
export async function skillsNamedByOccupation(executor: SqlExecutor, s: string, occupationUri: string): Promise<BridgedSkill[]> {
  const rows = rowsOf(
    await executor.query(
      `SELECT o.pref_label_en, o.alt_labels_en, k.uri, k.pref_label_en AS skill_en, k.alt_labels_en AS skill_alts
       FROM ${s}.ref_occupation o
       JOIN ${s}.ref_occupation_skill os ON os.occupation_uri = o.uri AND os.relation = 'essential'
       JOIN ${s}.ref_skill k ON k.uri = os.skill_uri
       WHERE o.uri = $1`,
      [occupationUri],
    ),
  );
  if (!rows.length) return [];
  const occupationLabels = [rows[0].pref_label_en, ...((rows[0].alt_labels_en as string[] | null) ?? [])].filter(Boolean) as string[];
  const weights = new Map<string, number>();
  for (const label of occupationLabels) {
    for (const word of new Set(foldLabel(label).split(' ').map(englishStem))) {
      if (word.length > 2 && !GENERIC_WORDS.has(word)) weights.set(word, (weights.get(word) ?? 0) + 1 / occupationLabels.length);
    }
  }
  const bridged: BridgedSkill[] = [];
  for (const row of rows) {
    const words = new Set(
      [row.skill_en, ...((row.skill_alts as string[] | null) ?? [])].filter(Boolean).flatMap((label) => foldLabel(String(label)).split(' ').map(englishStem)),
    );
    let best: BridgedSkill | undefined;
    for (const [word, weight] of weights) {
      if (words.has(word) && (!best || weight > best.overlap)) best = { uri: String(row.uri), overlap: Math.min(1, weight), word };
    }
    if (best) bridged.push(best);
  }
  return bridged.sort((a, b) => b.overlap - a.overlap);
}
