import { MatchStatus } from '@bildungsraum/contracts';

/** One of a need's bundle places: a poolable date it fits, with its exact score. */
export interface Place {
  courseDateId: string;
  score: number;
}

/** A new course date scored exactly for the need (not excluded). */
export interface Entrant {
  courseDateId: string;
  score: number;
  poolable: boolean;
}

export interface Insertion {
  /** Entrants that become proposals (in the new top N). */
  propose: string[];
  /** Open proposals pushed out of the top N ("outranked"). */
  outranked: string[];
  /** The need's bundle places afterwards, best first; `added` entered, `evicted` left. */
  places: Place[];
  added: string[];
  evicted: string[];
  /** The need has a fitting date now (it no longer counts as a gap). */
  fits: boolean;
  /** Its new admission score (what the next new date must reach). */
  admission: number;
  /** What the next new date that cannot pool the need must reach (its top N's bar): at least `admission`. */
  proposalAdmission: number;
}

const byRank = (a: { score: number; courseDateId: string }, b: { score: number; courseDateId: string }) => b.score - a.score || a.courseDateId.localeCompare(b.courseDateId);
const kth = (scores: number[], k: number) => scores[k - 1] ?? Number.NEGATIVE_INFINITY;

/**
 * A new offer's dates inserted into a need whose proposals and bundle places are those of its last
 * full re-match, with the same outcome a full re-match would now have: a full re-match proposes the
 * best `topN` non-answered dates above `minScore` by exact score and keeps the best `poolFits`
 * poolable ones as bundle places (cost-pruning.ts makes both exact), so adding dates only lets them
 * in and pushes the last ones out. Live matches carry their current exact scores (a re-match
 * refreshes them), so the top N are the best live ones above the minimum.
 *
 * Undefined where that reasoning does not hold and the need must be re-matched in full: a confirmed
 * match (it is kept even when its date no longer fits, with its old score), or an entrant that is
 * already one of the need's matches or places (the offer changed under it).
 */
export function insertDates(input: {
  matches: ReadonlyArray<{ id: string; courseDateId: string; status: MatchStatus; score: number }>;
  places: readonly Place[];
  entrants: readonly Entrant[];
  topN: number;
  poolFits: number;
  minScore: number;
}): Insertion | undefined {
  const { matches, places, entrants, topN, poolFits, minScore } = input;
  if (matches.some((match) => match.status === 'confirmed')) return undefined;
  const live = matches.filter((match) => match.status === 'proposed' || match.status === 'accepted');
  const known = new Set([...live.map((match) => match.courseDateId), ...places.map((place) => place.courseDateId)]);
  if (entrants.some((entrant) => known.has(entrant.courseDateId))) return undefined;
  const answered = new Set(matches.filter((match) => match.status === 'declined' || match.status === 'rejected').map((match) => match.courseDateId));
  const fitting = entrants.filter((entrant) => entrant.score >= minScore);

  const before = live.filter((match) => match.score >= minScore).sort(byRank).slice(0, topN);
  const after = [...before, ...fitting.filter((entrant) => !answered.has(entrant.courseDateId))].sort(byRank).slice(0, topN);
  const inTop = new Set(after.map((candidate) => candidate.courseDateId));
  const newPlaces = [...places, ...fitting.filter((entrant) => entrant.poolable).map(({ courseDateId, score }) => ({ courseDateId, score }))].sort(byRank).slice(0, poolFits);
  const placed = new Set(newPlaces.map((place) => place.courseDateId));
  const entering = new Set(entrants.map((entrant) => entrant.courseDateId));

  // As admissionBars: the N-th proposal's and the poolFits-th place's score, never below the
  // minimum. Both are exact and complete: every date the last retrieval left unread has a ceiling
  // below its bar, which was no higher than these.
  const proposalBar = Math.max(kth(after.map((candidate) => candidate.score), topN), minScore);
  const placeBar = Math.max(kth(newPlaces.map((place) => place.score), poolFits), minScore);
  return {
    propose: after.filter((candidate) => entering.has(candidate.courseDateId)).map((candidate) => candidate.courseDateId),
    outranked: before.filter((match) => !inTop.has(match.courseDateId) && match.status === 'proposed').map((match) => match.id),
    places: newPlaces,
    added: newPlaces.filter((place) => entering.has(place.courseDateId)).map((place) => place.courseDateId),
    evicted: places.filter((place) => !placed.has(place.courseDateId)).map((place) => place.courseDateId),
    fits: fitting.length > 0,
    admission: Math.min(proposalBar, placeBar),
    proposalAdmission: proposalBar,
  };
}
