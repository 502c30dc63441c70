/** A coordinator's (or the company's) corrections of the skills read for a need. */
export interface SkillCorrections {
  /** Skills read from the text that are right: they count fully (weight 1). */
  confirmed: string[];
  /** Skills that are wrong for this need, whether given or read: they do not count. */
  removed: string[];
  /** Skills the text did not yield but the need has. */
  added: string[];
}

export const NO_CORRECTIONS: SkillCorrections = { confirmed: [], removed: [], added: [] };

export interface WeightedSkill {
  uri: string;
  weight: number;
  source: 'given' | 'text' | 'added';
}

/** A skill read from the text: its confidence and the words that led to it (the first is its reading). */
export interface ReadSkill {
  uri: string;
  confidence: number;
  evidence?: ReadonlyArray<{ term: string }>;
}

/**
 * The skills a need is matched on: given URIs (weight 1), skills read from its text and added
 * ones (1), without removed ones. Skills read from the same word are alternative readings of one
 * wish ("Schweißen" → arc welding, welding equipment, welding techniques), not several wishes:
 * they share that word's weight, each in proportion to its confidence (weight = confidence ×
 * confidence / Σ confidences of the word's readings). So a course teaching the likeliest reading
 * covers most of the wish, and five readings of one word do not outweigh a second word. A
 * confirmed skill counts 1 on its own.
 */
export function effectiveSkills(given: readonly string[], text: readonly ReadSkill[], corrections: SkillCorrections): WeightedSkill[] {
  const removed = new Set(corrections.removed);
  const skills = new Map<string, WeightedSkill>();
  for (const uri of given) if (!removed.has(uri)) skills.set(uri, { uri, weight: 1, source: 'given' });
  const readingOf = (skill: ReadSkill) => skill.evidence?.[0]?.term.toLowerCase() ?? `uri:${skill.uri}`;
  const counted = text.filter((skill) => !removed.has(skill.uri) && !skills.has(skill.uri) && !corrections.confirmed.includes(skill.uri));
  const perReading = new Map<string, number>();
  for (const skill of counted) perReading.set(readingOf(skill), (perReading.get(readingOf(skill)) ?? 0) + skill.confidence);
  for (const skill of text) {
    if (removed.has(skill.uri) || skills.has(skill.uri)) continue;
    const confirmed = corrections.confirmed.includes(skill.uri);
    const share = skill.confidence / (perReading.get(readingOf(skill)) || skill.confidence || 1);
    skills.set(skill.uri, { uri: skill.uri, weight: confirmed ? 1 : round(skill.confidence * share), source: 'text' });
  }
  for (const uri of corrections.added) if (!removed.has(uri) && !skills.has(uri)) skills.set(uri, { uri, weight: 1, source: 'added' });
  return [...skills.values()];
}

/** Applies one correction request over the earlier ones; the latest word on a URI wins. */
export function correct(current: SkillCorrections, request: { confirm?: readonly string[]; remove?: readonly string[]; add?: readonly string[] }): SkillCorrections {
  const confirm = new Set(request.confirm ?? []);
  const remove = new Set(request.remove ?? []);
  const add = new Set(request.add ?? []);
  const touched = new Set([...confirm, ...remove, ...add]);
  const keep = (list: readonly string[]) => list.filter((uri) => !touched.has(uri));
  return {
    confirmed: [...keep(current.confirmed), ...confirm].sort(),
    removed: [...keep(current.removed), ...remove].sort(),
    added: [...keep(current.added), ...add].sort(),
  };
}

/** A URI named in two lists of one request is a contradiction (→ 422). */
export function contradictions(request: { confirm?: readonly string[]; remove?: readonly string[]; add?: readonly string[] }): string[] {
  const seen = new Map<string, number>();
  for (const list of [request.confirm ?? [], request.remove ?? [], request.add ?? []]) for (const uri of new Set(list)) seen.set(uri, (seen.get(uri) ?? 0) + 1);
  return [...seen.entries()].filter(([, count]) => count > 1).map(([uri]) => uri);
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;
