import { Lang } from '../files/taxonomy-files';

/** ESCO `skillType` (`skill/competence` → skill) or a skill group of the skills pillar hierarchy. */
export type SkillType = 'skill' | 'knowledge' | 'group';
export const SKILL_TYPES: readonly SkillType[] = ['skill', 'knowledge', 'group'];

export type SkillRelation = 'essential' | 'optional';

/** The labels of a concept in one language, as in the ESCO export. */
export interface LabelSet {
  preferred: string;
  alternatives: string[];
  /** Search-only labels (misspellings, outdated terms): indexed for look-up, never shown. */
  hidden: string[];
  description?: string;
}

export type Labels = Partial<Record<Lang, LabelSet>>;

export interface SkillConcept {
  uri: string;
  type: SkillType;
  /** ESCO reuse level: transversal, cross-sector, sector-specific, occupation-specific. */
  reuseLevel?: string;
  /** Code of a skill group (e.g. `S8.2`), where ESCO gives one. */
  code?: string;
  labels: Labels;
}

export interface OccupationConcept {
  uri: string;
  /** ISCO-08 unit group (4 digits). */
  iscoGroup?: string;
  /** ESCO occupation code, e.g. `8344.1`. */
  code?: string;
  labels: Labels;
}

export interface BroaderRelation {
  uri: string;
  broaderUri: string;
}

export interface OccupationSkillLink {
  occupationUri: string;
  skillUri: string;
  relation: SkillRelation;
}

/** One position of the KldB 2010 (version 2020): codes of 1–5 digits, level = number of digits. */
export interface KldbEntry {
  code: string;
  level: number;
  titleDe: string;
  shortTitleDe?: string;
  titleEn?: string;
  parentCode?: string;
}

/** A 5-digit KldB code's ISCO-08 unit groups (BA Umsteigeschlüssel); `recommended` marks the BA's first choice. */
export interface KldbIscoLink {
  code: string;
  iscoGroup: string;
  recommended: boolean;
}

export interface TaxonomySet {
  skills: SkillConcept[];
  broader: BroaderRelation[];
  occupations: OccupationConcept[];
  occupationSkills: OccupationSkillLink[];
  kldb: KldbEntry[];
  kldbIsco: KldbIscoLink[];
}
