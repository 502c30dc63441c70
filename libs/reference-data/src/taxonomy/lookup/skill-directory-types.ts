/** What SkillDirectory answers: skills, suggestions for type-ahead, KldB codes. */
import { Lang } from '../files/taxonomy-files';
import { KldbEntry, SkillType } from '../model/taxonomy-set';

export interface SkillInfo {
  uri: string;
  type: SkillType;
  reuseLevel?: string;
  /** Preferred label in the asked language, else the other one. */
  label: string;
  labels: { de?: string; en?: string };
  altLabels: { de: string[]; en: string[] };
  description?: string;
}

export interface SkillSuggestion extends SkillInfo {
  score: number;
  /** The label that matched (may be an alternative label, in either language). */
  matchedLabel: string;
  /** Set when the skill was found through an occupation's German label (see skillsNamedByOccupation). */
  via?: { occupationUri: string; occupationLabel: string; word: string };
}

export interface SuggestOptions {
  /** Display language and a slight ranking preference; both languages are always searched. Default `de`. */
  lang?: Lang;
  limit?: number;
  /** Default skill and knowledge (no skill groups). */
  types?: SkillType[];
}

/** A KldB position with its ancestors and, for a 5-digit code, its ISCO-08 unit groups. */
export interface KldbInfo extends KldbEntry {
  /** From level 1 down to the direct parent. */
  parents: Array<{ code: string; level: number; titleDe: string }>;
  /** ISCO-08 unit groups of a 5-digit code (BA Umsteigeschlüssel): the BA's recommended one, then the others by code. */
  iscoGroups: string[];
}
