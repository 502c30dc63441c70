import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SkillDirectory, SkillEvidence } from '@bildungsraum/reference-data';
import { schemaOf } from '@bildungsraum/persistence';
import { MATCHING_DATA_SOURCE } from '../shared/infra/matching-store';

/** A skill read from a need's German free text, with the words that led to it. */
export interface TextSkill {
  uri: string;
  label: string;
  confidence: number;
  evidence: SkillEvidence[];
}

/**
 * Only fairly sure readings count, and only a few: the company's own URIs stay the core of the
 * need. Readings of one word share its weight (effectiveSkills), so a word's alternatives
 * ("Schweißen" → arc welding, welding equipment …) may all be kept without crowding out the others.
 */
export const MIN_TEXT_CONFIDENCE = 0.5;
export const MAX_TEXT_SKILLS = 8;

/**
 * Reads skills out of the company's own words through the ESCO taxonomy in this schema
 * (SkillDirectory.resolveSkillsFromText). Without an imported taxonomy it finds nothing, and
 * matching uses the given URIs alone.
 */
@Injectable()
export class NeedSkillReader {
  private readonly directory: SkillDirectory;

  constructor(@Inject(MATCHING_DATA_SOURCE) dataSource: DataSource) {
    this.directory = new SkillDirectory(dataSource, schemaOf(dataSource));
  }

  async read(description: string): Promise<TextSkill[]> {
    const resolved = await this.directory.resolveSkillsFromText(description, { limit: 20 });
    return resolved
      .filter((skill) => skill.confidence >= MIN_TEXT_CONFIDENCE)
      .slice(0, MAX_TEXT_SKILLS)
      .map((skill) => ({ uri: skill.uri, label: skill.labels.de ?? skill.label, confidence: Math.round(skill.confidence * 100) / 100, evidence: skill.evidence }));
  }
}
