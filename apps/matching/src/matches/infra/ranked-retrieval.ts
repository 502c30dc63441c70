import { EntityManager } from 'typeorm';
import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { poolsNeed } from '../../pooling/domain/bundle-rules';
import { CEILING_MARGIN, coverageCeiling, coverageLevels, coverageOf } from '../domain/score-ceiling';
import { evaluateCandidate } from '../domain/scoring';
import { NeedFacts } from '../domain/match-facts';
import { Weights } from '../domain/weights';
import { CandidateFilter, CandidateRow, LightCandidate, loadOffers, slimOffer } from './candidates';
import { CandidateSource } from './candidate-source';
import { NeedRecord } from './need-records';
import { ceilingTables } from './ceiling-tables';
import { candidateFacts, fundingFor, NO_NOTE } from './need-facts';
import { findTextCandidates, routeCeiling, TextRoute } from './text-candidates';
import { piecesOf } from './text-words';

/** A candidate scored at full price (lower) and at no cost (upper): funding only moves the price criterion. */
export interface BoundedCandidate {
  row: CandidateRow;
  lower: number;
  upper: number;
  poolable: boolean;
}

export interface RetrievalGoals {
  /** Proposals kept (the N-th best decides what can still enter). */
  topN: number;
  /** Bundle places kept per need (poolable dates, i.e. with a minimum of participants). */
  poolFits: number;
  minScore: number;
  /** Dates the company declined or the provider rejected: never proposed again. */
  answered: ReadonlySet<string>;
  /** Dates of live matches: always scored (their stored score follows, or they are withdrawn). */
  live: readonly string[];
}

export interface Retrieval {
  candidates: BoundedCandidate[];
  /** Every course date not scored here has a ceiling below this. */
  bar: number;
  /** The ceiling was below a real score (scoring changed without the ceiling): everything was scored. */
  exhaustive: boolean;
}

/** A date that could pool the need into a bundle (poolsNeed). */
const poolable = (facts: NeedFacts, light: Pick<LightCandidate, 'minParticipants' | 'skillUris'>): boolean =>
  poolsNeed(light.minParticipants, light.skillUris, facts.skills.map((skill) => skill.uri));

const TEXT_ROUTES: readonly TextRoute[] = ['title', 'description'];

/** Dates read by the first SQL page of a coverage step or text route (ranked by their score ceiling). */
const PAGE = 40;
/**
 * Every further page of the same step reads twice as many: each page ranks the whole step again
 * (ceiling for every date in reach, then the limit), so a need that must read deep – too few
 * poolable dates above the minimum to fill its bundle places – costs log₂ instead of n/40 of
 * those rankings (bench/matching at 10,000 offers: up to 18 pages of ~50 ms each for one need).
 */
const pageSize = (pageIndex: number): number => PAGE * 2 ** Math.min(pageIndex, 6);

const kthBest = (scores: number[], k: number): number => (k > 0 ? (scores.sort((a, b) => b - a)[k - 1] ?? Number.NEGATIVE_INFINITY) : Number.POSITIVE_INFINITY);

/**
 * The lowest scores a course date must reach to change the need's outcome: `proposals` to enter
 * its top N proposals (or give a need without any fitting date one), `places` to take one of its
 * best bundle places – which only a date that can pool the need may do.
 */
export function admissionBars(candidates: ReadonlyArray<{ courseDateId: string; score: number; poolable: boolean }>, goals: Omit<RetrievalGoals, 'live'>): { proposals: number; places: number } {
  const fitting = candidates.filter((c) => c.score >= goals.minScore);
  const proposals = kthBest(fitting.filter((c) => !goals.answered.has(c.courseDateId)).map((c) => c.score), goals.topN);
  const pools = kthBest(fitting.filter((c) => c.poolable).map((c) => c.score), goals.poolFits);
  return { proposals: Math.max(proposals, goals.minScore), places: Math.max(pools, goals.minScore) };
}

/** The lower of the two (admissionBars): what any course date must reach to change anything. */
export function admissionBar(candidates: ReadonlyArray<{ courseDateId: string; score: number; poolable: boolean }>, goals: Omit<RetrievalGoals, 'live'>): number {
  const bars = admissionBars(candidates, goals);
  return Math.min(bars.proposals, bars.places);
}

interface Bounded {
  light: LightCandidate;
  /** The date with its slim offer (slimOffer): all scoring and funding read, without the snapshot. */
  row: CandidateRow;
  lower: number;
  upper: number;
  forced: boolean;
  /** Exact score with funding, once worked out (null: excluded after all). */
  exact?: number | null;
}

/** Score at full price (lower) and at no cost (upper); undefined when a hard constraint excludes it. */
function bounds(facts: NeedFacts, row: CandidateRow, weights: Weights, today: string): { lower: number; upper: number } | undefined {
  const lower = evaluateCandidate(facts, candidateFacts(row, { perParticipantCents: row.offer.priceCents, note: NO_NOTE }), weights, today);
  if (lower.excluded) return undefined;
  const upper = evaluateCandidate(facts, candidateFacts(row, { perParticipantCents: 0, note: NO_NOTE }), weights, today);
  return { lower: lower.score, upper: upper.excluded ? lower.score : upper.score };
}

/**
 * Ranked retrieval of a need's candidates, provably without losing one that matters.
 *
 * 1. Course dates come by skill coverage, best first (coverageLevels), from `source`: the course
 *    date index in memory or the GIN index in SQL (candidate-source.ts). Each is
 *    bounded by the domain's own scoring on what its row holds (offer_facts, the date, the
 *    distance): at full price (lower) and at no cost (upper); funding only moves the price.
 * 2. A lower coverage step is read only while its ceiling (coverageCeiling: skills at that
 *    coverage, every other criterion at its best) reaches the bar: the lowest score that still
 *    changes the need's outcome (admissionBar over the lower bounds so far).
 * 3. Offer snapshots are read only for dates whose upper bound reaches the bar (and live matches),
 *    one query; they are scored on the snapshot. Dates left unread cannot enter the top N, the
 *    bundle places, or give the need its first fitting date.
 *
 * Both ceilings are checked where a real score is known (the row bound against its coverage
 * ceiling, the snapshot bound against the row bound). Should scoring ever value something they do
 * not know, the need is scored exhaustively (every candidate, from snapshots) and onCeilingBroken
 * says so: slower, never wrong.
 */
export async function retrieveRanked(
  manager: EntityManager,
  source: CandidateSource,
  need: NeedRecord,
  facts: NeedFacts,
  filter: CandidateFilter,
  goals: RetrievalGoals,
  weights: Weights,
  today: string,
  onCeilingBroken: (courseDateId: string) => void,
): Promise<Retrieval> {
  const levels = coverageLevels(facts.skills);
  const seen = new Set<string>();
  const found: Bounded[] = [];
  let exhaustive = false;
  const broken = (courseDateId: string) => {
    if (!exhaustive) onCeilingBroken(courseDateId);
    exhaustive = true;
  };

  const add = (lights: LightCandidate[], forced: boolean) => {
    for (const light of lights) {
      if (seen.has(light.courseDateId)) continue;
      seen.add(light.courseDateId);
      const row: CandidateRow = { courseDateId: light.courseDateId, offer: slimOffer(light), providerAzavApproved: light.providerAzavApproved, distanceKm: light.distanceKm };
      const bound = bounds(facts, row, weights, today);
      if (!bound) continue;
      const ceiling = Math.min(light.ceiling ?? Number.POSITIVE_INFINITY, coverageCeiling(coverageOf(facts.skills, new Set(light.skillUris)), weights));
      if (bound.upper > ceiling + CEILING_MARGIN) broken(light.courseDateId);
      found.push({ light, row, ...bound, forced });
    }
  };
  const known = (c: Bounded) => (c.exact === undefined ? c.lower : c.exact);
  const bar = () =>
    exhaustive
      ? Number.NEGATIVE_INFINITY
      : admissionBar(
          found.flatMap((c) => (known(c) === null ? [] : [{ courseDateId: c.light.courseDateId, score: known(c)!, poolable: poolable(facts, c.light) }])),
          goals,
        );
  const exactScore = (c: Bounded, row: CandidateRow): number | null => {
    const cost = fundingFor(need, row, FEDERAL_PROGRAMMES);
    const evaluation = evaluateCandidate(facts, candidateFacts(row, { perParticipantCents: cost.perParticipantCents, note: cost.note }), weights, today);
    return evaluation.excluded ? null : evaluation.score;
  };
  // Exact scores (with funding) of the most promising dates raise the bar above the lower bounds'.
  const tighten = () => {
    const threshold = bar();
    const best = found
      .filter((c) => c.exact === undefined && c.upper + CEILING_MARGIN >= threshold)
      .sort((a, b) => b.upper - a.upper)
      .slice(0, goals.topN + goals.poolFits);
    for (const c of best) c.exact = exactScore(c, c.row);
  };

  // JIT is off on matching's connections (createMatchingDataSource): compiling these short
  // queries with large cost estimates cost seconds (measured).
  add(await source.byId(goals.live, filter), true);
  const pieces = piecesOf(facts.words);
  const order = { skills: facts.skills, weights, tables: ceilingTables(facts), pieces, limit: PAGE };
  // The first two steps in one round trip: the second is almost always needed.
  const prefetched = new Map<number, LightCandidate[]>();
  for (let level = 0; level < levels.length && need.skillUris.length; level += 1) {
    if (level > 0 && coverageCeiling(Math.max(levels[level - 1].coverageBelow, 0), weights) + CEILING_MARGIN < bar()) break;
    // Pages of the step, best ceiling first, while the page's last ceiling still reaches the bar.
    for (let pageIndex = 0; ; pageIndex += 1) {
      const limit = pageSize(pageIndex);
      let page = prefetched.get(level);
      prefetched.delete(level);
      if (!page && level === 0 && levels.length > 1 && !exhaustive) {
        const [first, second] = await source.steps(need.skillUris, [levels[0].subsets, levels[1].subsets], filter, [...seen], order);
        page = first!;
        prefetched.set(1, second!);
        add(second!, false);
      }
      page ??= (await source.steps(need.skillUris, [levels[level].subsets], filter, [...seen], exhaustive ? undefined : { ...order, limit }))[0]!;
      add(page, false);
      if (!exhaustive) tighten();
      const last = page[page.length - 1]?.ceiling;
      if (exhaustive || page.length < limit || last === null || last === undefined || last + CEILING_MARGIN < bar()) break;
    }
  }

  // The route by text: offers sharing no skill whose own words answer the need's (criterion
  // title), read while their ceiling reaches the bar – also for a need no skill was read for.
  for (const route of TEXT_ROUTES) {
    for (let pageIndex = 0; !exhaustive && pieces.length && weights.title > 0 && routeCeiling(route, pieces.length, weights) + CEILING_MARGIN >= bar(); pageIndex += 1) {
      const limit = pageSize(pageIndex);
      const page = await findTextCandidates(manager, pieces, need.skillUris, filter, weights, route, [...seen], limit);
      add(page, false);
      tighten();
      const last = page[page.length - 1]?.ceiling;
      if (page.length < limit || last === null || last === undefined || last + CEILING_MARGIN < bar()) break;
    }
  }

  const threshold = bar();
  const wanted = found.filter((c) => c.exact !== null && (exhaustive || c.forced || c.upper + CEILING_MARGIN >= threshold));
  // The snapshots of the dates kept: scored again from them, so a field scoring reads that the
  // row does not hold cannot go unnoticed.
  const offers = await loadOffers(manager, [...new Set(wanted.map((c) => c.light.offerId))]);
  const candidates: BoundedCandidate[] = [];
  for (const c of wanted) {
    const held = offers.get(c.light.offerId);
    if (!held || !held.offer.dates.some((date) => date.id === c.light.courseDateId)) continue;
    const row: CandidateRow = { courseDateId: c.light.courseDateId, offer: held.offer, providerAzavApproved: held.providerAzavApproved, distanceKm: c.light.distanceKm };
    const bound = bounds(facts, row, weights, today);
    const same = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined ? b === null || b === undefined : b !== null && b !== undefined && Math.abs(a - b) <= CEILING_MARGIN);
    if (!same(bound?.lower, c.lower) || !same(bound?.upper, c.upper) || (c.exact !== undefined && !same(exactScore(c, row), c.exact))) broken(c.light.courseDateId);
    if (bound) candidates.push({ row, ...bound, poolable: poolable(facts, c.light) });
  }
  if (exhaustive) return retrieveExhaustively(manager, source, need, facts, filter, weights, today, found.map((c) => c.light));
  return { candidates, bar: threshold, exhaustive };
}

/** Every candidate of the need scored from its snapshot (the fallback when a bound proved unsafe). */
async function retrieveExhaustively(manager: EntityManager, source: CandidateSource, need: NeedRecord, facts: NeedFacts, filter: CandidateFilter, weights: Weights, today: string, found: readonly LightCandidate[]): Promise<Retrieval> {
  const have = new Set(found.map((light) => light.courseDateId));
  const bySkill = need.skillUris.length ? (await source.steps(need.skillUris, ['any'], filter, []))[0]! : [];
  const byText = [];
  for (const route of weights.title > 0 ? TEXT_ROUTES : []) byText.push(...(await findTextCandidates(manager, piecesOf(facts.words), need.skillUris, filter, weights, route)));
  const lights = [...found, ...[...bySkill, ...byText].filter((light) => !have.has(light.courseDateId))];
  const offers = await loadOffers(manager, [...new Set(lights.map((light) => light.offerId))]);
  const candidates: BoundedCandidate[] = [];
  for (const light of lights) {
    const held = offers.get(light.offerId);
    if (!held || !held.offer.dates.some((date) => date.id === light.courseDateId)) continue;
    const row: CandidateRow = { courseDateId: light.courseDateId, offer: held.offer, providerAzavApproved: held.providerAzavApproved, distanceKm: light.distanceKm };
    const bound = bounds(facts, row, weights, today);
    if (bound) candidates.push({ row, ...bound, poolable: poolable(facts, light) });
  }
  return { candidates, bar: Number.NEGATIVE_INFINITY, exhaustive: true };
}
