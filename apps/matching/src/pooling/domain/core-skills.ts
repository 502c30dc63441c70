import { SkillCorrections } from '../../skills/domain/skill-corrections';

/** A skill read from the need's text, as stored with the need (TextSkill). */
export interface StoredReading {
  uri: string;
  confidence: number;
  evidence?: ReadonlyArray<{ via?: string }>;
}

/**
 * How NeedSkillReader marks the close relatives it adds for retrieval ("verwandt mit / related to
 * „…“"): they widen the search for courses, they are not what the company asked for.
 */
const RELATIVE_MARK = 'verwandt mit';

/**
 * The skills a need counts as demand in the gaps. A gap is told to providers as "demand without a
 * course", so it must stand for what the company wants, not for every guess made to find courses:
 * the skills it named (given URIs), added or confirmed — and only when it named none, the
 * strongest reading(s) of its text (those with the best confidence; never the relatives).
 */
export function coreSkills(given: readonly string[], text: readonly StoredReading[], corrections: SkillCorrections): CoreSkills {
  const removed = new Set(corrections.removed);
  const named = [...given, ...corrections.added, ...corrections.confirmed].filter((uri) => !removed.has(uri));
  if (named.length) return { uris: [...new Set(named)], read: false };
  const readings = text.filter((skill) => !removed.has(skill.uri) && !skill.evidence?.[0]?.via?.startsWith(RELATIVE_MARK));
  const best = Math.max(...readings.map((skill) => skill.confidence));
  return { uris: [...new Set(readings.filter((skill) => skill.confidence >= best - STRENGTH_TOLERANCE).map((skill) => skill.uri))], read: true };
}

export interface CoreSkills {
  uris: string[];
  /** Read from the text (nothing named): equally strong readings are one guessed wish, one gap. */
  read: boolean;
}

/**
 * The groups a need's demand goes to: every group of named skills; for skills read from the text
 * only the group most of its strongest readings fall in (the first reading's on a tie), so a
 * guessed need ("Lagerhelfer" → four shelf skills in three groups) opens one gap, not three.
 */
export function demandGroups(core: CoreSkills, groupOf: ReadonlyMap<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const uri of core.uris) {
    const group = groupOf.get(uri) ?? uri;
    groups.set(group, [...(groups.get(group) ?? []), uri]);
  }
  if (!core.read || groups.size < 2) return groups;
  const [first] = [...groups.entries()].sort(([, a], [, b]) => b.length - a.length);
  return first ? new Map([first]) : groups;
}

/** Readings this close to the best one are as strong (confidences are rounded to 0.01). */
const STRENGTH_TOLERANCE = 0.005;
