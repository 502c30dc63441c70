import { SqlExecutor } from '../../db/sql-executor';
import { compoundSplits, isQualificationWord, tokenize } from '../text/terms';
import { knownPieces, LabelSearch, searchLabels } from './label-search';
import type { SkillDirectory } from './skill-directory';

export interface SkillEvidence {
  /** The word or word part of the text that matched (e.g. "Stapler" from "Staplerschein"). */
  term: string;
  /** The label it matched: a skill label, or an occupation label for skills found through it. */
  matchedLabel: string;
  /** For skills found through an occupation: its label and the shared English keyword. */
  via?: string;
}

export interface ResolvedSkill {
  uri: string;
  label: string;
  labels: { de?: string; en?: string };
  /** 0–1, a ranking aid rather than a probability (see README). */
  confidence: number;
  evidence: SkillEvidence[];
}

interface Term {
  written: string;
  folded: string;
  /** 1 for a whole word, 0.9 for a compound part. */
  weight: number;
}

const HITS_PER_TERM = 20;

/**
 * Free text → ESCO skills, explainably: split the text into words (stopwords dropped), look each
 * word up in the label index (whole label, word prefix, inside a compound for words of 5+
 * letters) and through occupation labels (see SkillDirectory.bridge); a word that matches
 * nothing is split as a German compound against the label vocabulary — the longest first part
 * that occurs in some label, the rest looked up too unless it names a qualification
 * ("Staplerschein" → "stapler", "schein" dropped). A skill's confidence is its best match score
 * times the term weight, plus 0.1 for each further term that found it.
 */
export async function resolveSkills(
  directory: SkillDirectory,
  executor: SqlExecutor,
  s: string,
  trgm: string | undefined,
  text: string,
  options: { limit?: number },
): Promise<ResolvedSkill[]> {
  const candidates = new Map<string, { best: number; terms: Set<string>; evidence: SkillEvidence[] }>();
  const lookups = new Map<string, Array<{ uri: string; score: number; evidence: Omit<SkillEvidence, 'term'> }>>();
  const lookUp = async (folded: string, stemWord?: string) => {
    let hits = lookups.get(folded);
    if (!hits) {
      const reach: LabelSearch['reach'] = folded.length >= 5 ? 'infix' : 'word';
      const search: LabelSearch = { kind: 'skill', term: folded, limit: HITS_PER_TERM, types: ['skill', 'knowledge'], reach, ...(stemWord ? { stemWord } : {}) };
      const direct = await searchLabels(executor, s, trgm, search);
      const bridged = await directory.bridge(folded, trgm);
      hits = [
        ...direct.filter((hit) => hit.score >= 0.6).map((hit) => ({ uri: hit.concept, score: hit.score, evidence: { matchedLabel: hit.label } })),
        ...bridged.slice(0, HITS_PER_TERM).map((hit) => ({
          uri: hit.uri,
          score: hit.score,
          evidence: { matchedLabel: hit.matchedLabel, via: `${hit.via.occupationLabel} → ${hit.via.word}` },
        })),
      ];
      lookups.set(folded, hits);
    }
    return hits;
  };

  const terms: Term[] = [];
  for (const token of tokenize(text)) {
    if (isQualificationWord(token.folded)) continue;
    if ((await lookUp(token.folded, token.text)).length) {
      terms.push({ written: token.text, folded: token.folded, weight: 1 });
      continue;
    }
    const splits = token.folded.length >= 8 ? compoundSplits(token.folded) : [];
    // A first part may sit inside a label word ("gabel|stapler|fahrer"); a last part must start one.
    const heads = await knownPieces(executor, s, [...new Set(splits.map((split) => split.head))]);
    const tails = await knownPieces(executor, s, [...new Set(splits.map((split) => split.tail))], true);
    const usable = splits.filter((candidate) => heads.has(candidate.head) && (candidate.qualificationTail || tails.has(candidate.tail)));
    const split = usable.find((candidate) => candidate.qualificationTail) ?? usable[0];
    if (!split) continue;
    terms.push({ written: token.text.slice(0, split.head.length), folded: split.head, weight: 0.9 });
    if (!split.qualificationTail) terms.push({ written: token.text.slice(-split.tail.length), folded: split.tail, weight: 0.9 });
  }

  for (const term of terms) {
    for (const hit of await lookUp(term.folded)) {
      const candidate = candidates.get(hit.uri) ?? { best: 0, terms: new Set<string>(), evidence: [] };
      candidate.best = Math.max(candidate.best, hit.score * term.weight);
      if (!candidate.terms.has(term.folded)) candidate.evidence.push({ term: term.written, ...hit.evidence });
      candidate.terms.add(term.folded);
      candidates.set(hit.uri, candidate);
    }
  }
  const ranked = [...candidates.entries()]
    .map(([uri, candidate]) => ({ uri, confidence: Math.min(1, candidate.best + 0.1 * (candidate.terms.size - 1)), evidence: candidate.evidence }))
    .sort((a, b) => b.confidence - a.confidence || a.uri.localeCompare(b.uri))
    .slice(0, options.limit ?? 10);
  const infos = new Map((await directory.skills(ranked.map((entry) => entry.uri), 'de')).map((info) => [info.uri, info]));
  return ranked.flatMap((entry) => {
    const info = infos.get(entry.uri);
    return info ? [{ uri: entry.uri, label: info.label, labels: info.labels, confidence: Math.round(entry.confidence * 1000) / 1000, evidence: entry.evidence }] : [];
  });
}
