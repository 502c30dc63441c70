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
    const resolved = await this.directory.resolveSkillsFromText(description, { limit: 40 });
    const kept = keepEveryWord(resolved.filter((skill) => skill.confidence >= MIN_TEXT_CONFIDENCE))
      .slice(0, MAX_TEXT_SKILLS)
      .map((skill) => ({ uri: skill.uri, label: skill.labels.de ?? skill.label, confidence: round2(skill.confidence), evidence: skill.evidence }));
    return [...kept, ...(await this.relativesOf(kept))];
  }

  /**
   * Close ESCO relatives of the surer readings (SkillDirectory.closeRelatives: "MAG-Schweißen" →
   * also "apply arc welding techniques"), so a course described with a neighbouring skill of the
   * same trade is found. They count less (× RELATIVE_FACTOR) and belong to the same word, so they
   * share its weight rather than adding wishes; the evidence says whose relative they are.
   */
  private async relativesOf(kept: readonly TextSkill[]): Promise<TextSkill[]> {
    const sure = kept.filter((skill) => skill.confidence >= MIN_RELATIVE_SOURCE);
    const related = await this.directory.closeRelatives(sure.map((skill) => skill.uri), RELATIVES_PER_SKILL);
    const have = new Set(kept.map((skill) => skill.uri));
    const found = new Map<string, TextSkill>();
    // Round by round (the closest relative of every reading, then the next), surer readings first:
    // each reading brings its nearest kin before any brings a third.
    const bySource = [...sure].sort((a, b) => b.confidence - a.confidence).map((skill) => ({ skill, relatives: related.get(skill.uri) ?? [] }));
    for (let round = 0; round < RELATIVES_PER_SKILL && found.size < MAX_RELATIVES; round += 1) {
      for (const { skill, relatives } of bySource) {
        const relative = relatives[round];
        if (!relative || have.has(relative.uri) || found.has(relative.uri) || found.size >= MAX_RELATIVES) continue;
        const evidence = skill.evidence[0];
        found.set(relative.uri, {
          uri: relative.uri,
          label: relative.label,
          confidence: round2(skill.confidence * RELATIVE_FACTOR),
          evidence: evidence ? [{ term: evidence.term, matchedLabel: evidence.matchedLabel, via: `verwandt mit / related to „${skill.label}“ (${relative.word})` }] : [],
        });
      }
    }
    return [...found.values()];
  }
}

/** Readings this sure bring their close relatives; relatives count this share of the reading's confidence. */
export const MIN_RELATIVE_SOURCE = 0.5;
export const RELATIVE_FACTOR = 0.75;
export const RELATIVES_PER_SKILL = 3;
export const MAX_RELATIVES = 8;

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Readings kept per word before the next word's get a turn. */
export const READINGS_PER_WORD = 3;

/**
 * Best first, but every word of the text gets its turn: the best readings of each word, then the
 * next best of each. One word with many readings ("im Hafen" → seven port skills) cannot push
 * out the word the need is about ("Gabelstaplerfahrer" → forklift).
 */
export function keepEveryWord<T extends { confidence: number; evidence: ReadonlyArray<{ term: string }> }>(ranked: readonly T[]): T[] {
  const byWord = new Map<string, T[]>();
  for (const skill of ranked) {
    const word = skill.evidence[0]?.term.toLowerCase() ?? '';
    byWord.set(word, [...(byWord.get(word) ?? []), skill]);
  }
  const rounds: T[][] = [];
  for (const readings of byWord.values()) {
    readings.forEach((skill, index) => (rounds[Math.floor(index / READINGS_PER_WORD)] ??= []).push(skill));
  }
  return rounds.flatMap((round) => round.sort((a, b) => b.confidence - a.confidence));
}
