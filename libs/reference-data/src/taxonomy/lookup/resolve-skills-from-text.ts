import { SqlExecutor } from '../../db/sql-executor';
import { foldLabel } from '../text/fold';
import { compoundSplits, isQualificationWord, tokenize } from '../text/terms';
import { glossaryTerms } from '../text/vocational-glossary';
import { vocationalAbbreviation } from '../text/vocational-abbreviations';
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
  /** 1 for a whole word, HEAD_WEIGHT for the last part of a compound, MODIFIER_WEIGHT for the first (0.9 before a qualification word). */
  weight: number;
  /** Set for acronyms: the capitals as written, which a label must contain as a word ("WIG" is not "wig"). */
  acronym?: string;
  /** Set for English words from the vocational glossary: shown as the evidence's `via`. */
  via?: string;
}

/** A compound's last part (its head: "Decken|kran" is a crane) and its first part (the modifier) read alone. */
const HEAD_WEIGHT = 0.85;
const MODIFIER_WEIGHT = 0.55;

/** Glossary translations count a little less than the company's own word matching a label. */
const GLOSSARY_WEIGHT = 0.95;

const HITS_PER_TERM = 20;
/** Labels fetched per term to tell a specific word ("Stapler": a handful) from a common one ("führen": dozens). */
const SPREAD_PROBE = 60;

/**
 * How much a word says about a skill, from the number of skill labels it matches: up to 4 fully;
 * above, falling with the logarithm (12 labels ⅔, 60 or more ⅖). Like an inverse document
 * frequency: "Grundlagen", "führen" or "Fertigung" match dozens of labels and decide nothing alone.
 */
export function specificity(labels: number): number {
  return labels <= 4 ? 1 : 1 / (1 + 0.4 * Math.log2(labels / 4));
}

/**
 * Free text → ESCO skills, explainably: split the text into words (stopwords dropped), look each
 * word up in the label index (whole label, word prefix, inside a compound for words of 5+
 * letters) and through occupation labels (see SkillDirectory.bridge); a word that matches
 * nothing is split as a German compound against the label vocabulary — the longest first part
 * that occurs in some label, the rest looked up too unless it names a qualification
 * ("Staplerschein" → "stapler", "schein" dropped). Words of the trade that ESCO has no German
 * label for are also searched in English through the vocational glossary ("Ersthelfer" → "first
 * aid", "SPS" → "programmable logic controller"). A hit's score is scaled down by how common the
 * word is among skill labels (`specificity`). A skill's confidence is its best match score
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
  const lookUp = async (folded: string, stemWord?: string, acronym?: string) => {
    let hits = lookups.get(folded);
    if (!hits) {
      const reach: LabelSearch['reach'] = folded.length >= 5 ? 'infix' : 'word';
      const search: LabelSearch = { kind: 'skill', term: folded, limit: SPREAD_PROBE, types: ['skill', 'knowledge'], reach, ...(stemWord ? { stemWord } : {}) };
      const direct = (await searchLabels(executor, s, trgm, search)).filter(
        (hit) => hit.score >= 0.6 && (!acronym || ` ${hit.label.replace(/[^\p{L}\p{N}+#]+/gu, ' ')} `.includes(` ${acronym} `)),
      );
      const bridged = await directory.bridge(folded, trgm, stemWord);
      const specific = specificity(direct.length);
      hits = [
        // A label that is the term itself keeps its score however common the word is ("Deutsch", "SQL").
        ...direct.slice(0, HITS_PER_TERM).map((hit) => ({ uri: hit.concept, score: hit.score >= 1 ? hit.score : hit.score * specific, evidence: { matchedLabel: hit.label } })),
        ...bridged.slice(0, HITS_PER_TERM).map((hit) => ({
          uri: hit.uri,
          score: hit.score * specific,
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
    // A listed trade abbreviation is read through its spelled-out subject (glossaryTerms), not as
    // letters: "WP" is a heat pump here, not "Windows Phone".
    if (vocationalAbbreviation(token.text)?.english) continue;
    const acronym = token.acronym ? token.text : undefined;
    if ((await lookUp(token.folded, token.text, acronym)).length) {
      terms.push({ written: token.text, folded: token.folded, weight: 1, ...(acronym ? { acronym } : {}) });
      continue;
    }
    const splits = token.folded.length >= 8 ? compoundSplits(token.folded) : [];
    // A first part may sit inside a label word ("gabel|stapler|fahrer"); a last part must start one.
    const heads = await knownPieces(executor, s, [...new Set(splits.map((split) => split.head))]);
    const tails = await knownPieces(executor, s, [...new Set(splits.map((split) => split.tail))], true);
    const usable = splits.filter((candidate) => heads.has(candidate.head) && (candidate.qualificationTail || tails.has(candidate.tail)));
    const split = usable.find((candidate) => candidate.qualificationTail) ?? usable[0];
    if (!split) continue;
    // The last part of a German compound is its grammatical head, what the word is: a
    // "Deckenkran" is a crane, an "Unterhaltsreinigung" a cleaning. The first part only narrows
    // it down and counts less alone (MODIFIER_WEIGHT) – unless the last part names a
    // qualification ("Staplerschein"), when the first part is the subject.
    terms.push({ written: writtenPrefix(token.text, split.head.length), folded: split.head, weight: split.qualificationTail ? 0.9 : MODIFIER_WEIGHT });
    if (!split.qualificationTail) {
      const head = writtenPrefix(token.text, split.head.length);
      terms.push({ written: token.text.slice(head.length).replace(/^s(?=.)/, (s) => (foldLabel(token.text.slice(head.length)).length > split.tail.length ? '' : s)), folded: split.tail, weight: HEAD_WEIGHT });
    }
  }

  for (const { found, english } of glossaryTerms(text, foldLabel(text))) {
    terms.push({ written: found, folded: foldLabel(english), weight: GLOSSARY_WEIGHT, via: `Fachwortschatz: ${found} → ${english}` });
  }

  for (const term of terms) {
    for (const hit of await lookUp(term.folded, undefined, term.acronym)) {
      const candidate = candidates.get(hit.uri) ?? { best: 0, terms: new Set<string>(), evidence: [] };
      candidate.best = Math.max(candidate.best, hit.score * term.weight);
      if (!candidate.terms.has(term.folded)) candidate.evidence.push({ term: term.written, ...hit.evidence, ...(term.via && !hit.evidence.via ? { via: term.via } : {}) });
      candidate.terms.add(term.folded);
      candidates.set(hit.uri, candidate);
    }
  }
  const ranked = [...candidates.entries()]
    // Ranked by the uncapped sum: of two skills at confidence 1, the one more words point to comes first.
    .map(([uri, candidate]) => ({ uri, support: candidate.best + 0.1 * (candidate.terms.size - 1), evidence: candidate.evidence }))
    .sort((a, b) => b.support - a.support || a.uri.localeCompare(b.uri))
    .map(({ uri, support, evidence }) => ({ uri, confidence: Math.min(1, support), evidence }))
    .slice(0, options.limit ?? 10);
  const infos = new Map((await directory.skills(ranked.map((entry) => entry.uri), 'de')).map((info) => [info.uri, info]));
  return ranked.flatMap((entry) => {
    const info = infos.get(entry.uri);
    return info ? [{ uri: entry.uri, label: info.label, labels: info.labels, confidence: Math.round(entry.confidence * 1000) / 1000, evidence: entry.evidence }] : [];
  });
}

/** The start of a written word whose folded form has `length` characters ("Führerschein", 7 → "Führer"). */
function writtenPrefix(word: string, length: number): string {
  let end = 0;
  while (end < word.length && foldLabel(word.slice(0, end)).length < length) end++;
  return word.slice(0, end);
}
