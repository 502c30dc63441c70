import { EntityManager } from 'typeorm';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { CandidateFilter, CeilingOrder, findCandidatesById, findCandidateSteps, LightCandidate } from './candidates';
import { CourseDateIndex } from './course-date-index';
import { IndexedDate } from './indexed-date';
import { LazyRanking } from './lazy-ranking';
import { dayNumber, memoryCeiling, objectCeiling, reachDot, sphereMetres, textRelevanceBound, unitVector } from './memory-ceiling';

/**
 * Where ranked retrieval gets a need's course dates by skill: the course date index in memory, or
 * SQL (candidates.ts). Both answer alike; the text routes are SQL in both (trigram indexes).
 */
export interface CandidateSource {
  /** findCandidateSteps: per step, the dates teaching all skills of one subset (or any skill), best `order.limit` by ceiling. */
  steps(skillUris: readonly string[], steps: ReadonlyArray<string[][] | 'any'>, filter: CandidateFilter, exclude: readonly string[], order?: CeilingOrder): Promise<LightCandidate[][]>;
  /** findCandidatesById: the given dates that still pass the need's filters. */
  byId(ids: readonly string[], filter: CandidateFilter): Promise<LightCandidate[]>;
}

export const sqlCandidates = (manager: EntityManager): CandidateSource => ({
  steps: (skillUris, steps, filter, exclude, order) => findCandidateSteps(manager, skillUris, steps, filter, exclude, order),
  byId: (ids, filter) => findCandidatesById(manager, ids, filter),
});

/** The index as the caller's transaction sees it (synced, with its own changes laid over). */
export async function indexCandidates(manager: EntityManager, index: CourseDateIndex): Promise<CandidateSource> {
  const overlay = await index.sync(manager);
  return new IndexCandidates(manager, index, overlay);
}

/** Visit stamps (DateColumns.visit): gathering is synchronous, so one counter serves all retrievals. */
let visits = 0;
const nextVisit = () => (visits = (visits % 2_000_000_000) + 1);

interface Reached {
  date: IndexedDate;
  km: number | null;
  ceiling: number | null;
  /** Which of the need's skills (by their index in skillUris, up to 31) the date teaches. */
  skills: number;
}

/** Subsets of the need's skills as bit masks over their index (undefined: more skills than bits, checked by name). */
function subsetMasks(skillUris: readonly string[], subsets: string[][] | 'any'): number[] | undefined {
  if (subsets === 'any') return [];
  if (skillUris.length > 31) return undefined;
  return subsets.map((subset) => subset.reduce((mask, uri) => mask | (1 << skillUris.indexOf(uri)), 0));
}

/**
 * One need's retrieval over the index. The dates sharing a skill with the need are gathered once
 * (one pass over its skills' posting lists, each date once), filtered and given their ceiling,
 * and sorted; every step and page then reads that ranking, taking the dates of its subsets.
 */
class IndexCandidates implements CandidateSource {
  private gathered?: { key: string; ranking: LazyRanking<Reached> };
  /** Providers' AZAV approval as this transaction sees it, asked once per provider and need. */
  private readonly approvals = new Map<string, boolean>();

  constructor(
    private readonly manager: EntityManager,
    private readonly index: CourseDateIndex,
    private readonly overlay: ReadonlyMap<string, IndexedDate | null>,
  ) {}

  async steps(skillUris: readonly string[], steps: ReadonlyArray<string[][] | 'any'>, filter: CandidateFilter, exclude: readonly string[], order?: CeilingOrder): Promise<LightCandidate[][]> {
    const skip = new Set(exclude);
    const ranking = this.gather(skillUris, filter, order);
    const pages = steps.map((subsets) => {
      const masks = subsetMasks(skillUris, subsets);
      const teaches = (entry: Reached) =>
        masks === undefined ? (subsets as string[][]).some((subset) => subset.every((uri) => entry.date.skillUris.includes(uri))) : !masks.length || masks.some((mask) => (entry.skills & mask) === mask);
      const page: Reached[] = [];
      for (let rank = 0, entry = ranking.at(0); entry; entry = ranking.at((rank += 1))) {
        if (skip.has(entry.date.id) || !teaches(entry)) continue;
        page.push(entry);
        if (order && page.length >= order.limit) break;
      }
      return page;
    });
    const azav = await this.providerApprovals(pages.flat().map((entry) => entry.date.providerId));
    return pages.map((page) => page.map((entry) => light(entry, azav)));
  }

  async byId(ids: readonly string[], filter: CandidateFilter): Promise<LightCandidate[]> {
    const found = [...new Set(ids)].flatMap((id) => {
      const date = this.overlay.has(id) ? this.overlay.get(id) : this.index.get(id);
      const km = date ? reach(date, filter) : undefined;
      return date && km !== undefined ? [{ date, km, ceiling: null, skills: 0 }] : [];
    });
    const azav = await this.providerApprovals(found.map((entry) => entry.date.providerId));
    return found.map((entry) => light(entry, azav));
  }

  /** The dates sharing a skill with the need and passing its filters; with `order`, best ceiling first (ties by id, as SQL orders them). */
  private gather(skillUris: readonly string[], filter: CandidateFilter, order?: CeilingOrder): LazyRanking<Reached> {
    const key = JSON.stringify([skillUris, filter, order ? [order.skills, order.weights, order.pieces] : null]);
    if (this.gathered?.key === key) return this.gathered.ranking;
    const reached = [...this.gatherHeld(skillUris, filter, order), ...this.gatherOverlay(skillUris, filter, order)];
    const ranking = new LazyRanking(reached, order ? (a, b) => b.ceiling! - a.ceiling! || (a.date.id < b.date.id ? -1 : a.date.id > b.date.id ? 1 : 0) : undefined);
    this.gathered = { key, ranking };
    return ranking;
  }

  /**
   * The index's dates, from its columns (date-columns.ts): one pass over the need's skills'
   * posting lists notes which of its skills each date teaches; window, seats, reach and the
   * ceiling are then read from typed arrays, the text bound once per offer. Synchronous: the
   * scratch columns are the index's.
   */
  private gatherHeld(skillUris: readonly string[], filter: CandidateFilter, order?: CeilingOrder): Reached[] {
    const c = this.index.columns;
    const stamp = nextVisit();
    const overlaid = this.overlay.size > 0;
    const touched: number[] = [];
    skillUris.forEach((uri, index) => {
      const bit = index < 31 ? 1 << index : 0;
      for (const slot of this.index.teaching(uri)) {
        if (c.visit[slot] === stamp) {
          c.note[slot]! |= bit;
        } else if (!overlaid || !this.overlay.has(c.dates[slot]!.id)) {
          c.visit[slot] = stamp;
          c.note[slot] = bit;
          touched.push(slot);
        }
      }
    });
    const [fromDay, toDay] = [dayNumber(filter.from), filter.to === null ? Number.POSITIVE_INFINITY : dayNumber(filter.to)];
    const metres = filter.radiusKm * 1000;
    const [hx, hy, hz] = unitVector(filter.lon, filter.lat);
    const near = reachDot(metres);
    const ceiling = order ? memoryCeiling(order, filter) : undefined;
    // Coverage from the noted bits, summed in the order of the need's skills (as SQL sums them);
    // a skill scored but not among those searched (none today) needs the date's own list.
    const bitOf = order?.skills.map((skill) => skillUris.indexOf(skill.uri));
    const byBits = bitOf !== undefined && bitOf.every((bit) => bit >= 0 && bit < 31);
    const scheduleValues = order ? c.schedules.names.map((name) => order.tables.schedules.find(([known]) => known === name)?.[1] ?? 1) : [];
    const language = order ? (c.languages.find(order.tables.language) ?? -2) : -2;
    const textBounds = new Map<number, number>();
    const reached: Reached[] = [];
    for (const slot of touched) {
      if (c.startDay[slot]! < fromDay || c.endDay[slot]! > toDay || c.seatsFree[slot]! <= 0) continue;
      let km: number | null = null;
      if (!c.online[slot]) {
        // NaN (no venue) fails the comparison too.
        if (!(c.x[slot]! * hx + c.y[slot]! * hy + c.z[slot]! * hz >= near)) continue;
        const distance = sphereMetres(c.lon[slot]!, c.lat[slot]!, filter.lon, filter.lat);
        if (distance > metres) continue;
        km = distance / 1000;
      }
      const date = c.dates[slot]!;
      const bits = c.note[slot]!;
      let value: number | null = null;
      if (order && ceiling) {
        let coverage = 0;
        if (byBits) {
          for (let k = 0; k < order.skills.length; k += 1) if (bits & (1 << bitOf![k]!)) coverage += order.skills[k]!.weight;
        } else {
          for (const skill of order.skills) if (date.skillUris.includes(skill.uri)) coverage += skill.weight;
        }
        const offer = c.offer[slot]!;
        let textBound = textBounds.get(offer);
        if (textBound === undefined) textBounds.set(offer, (textBound = textRelevanceBound(order.pieces, date)));
        value = ceiling(coverage, km, c.startDay[slot]!, c.dqrLevel[slot]!, scheduleValues[c.schedule[slot]!] ?? 1, c.language[slot] === language, c.groupMask[slot]!, textBound);
      }
      reached.push({ date, km, ceiling: value, skills: bits });
    }
    return reached;
  }

  /** The caller's own changed dates (few), from their objects. */
  private gatherOverlay(skillUris: readonly string[], filter: CandidateFilter, order?: CeilingOrder): Reached[] {
    const ceiling = order ? objectCeiling(order, filter) : undefined;
    const reached: Reached[] = [];
    for (const date of this.overlay.values()) {
      if (!date || !skillUris.some((uri) => date.skillUris.includes(uri))) continue;
      const km = reach(date, filter);
      if (km === undefined) continue;
      const skills = skillUris.reduce((mask, uri, index) => (date.skillUris.includes(uri) && index < 31 ? mask | (1 << index) : mask), 0);
      reached.push({ date, km, ceiling: ceiling ? ceiling(date, km) : null, skills });
    }
    return reached;
  }

  private async providerApprovals(providerIds: readonly string[]): Promise<ReadonlyMap<string, boolean>> {
    const unknown = [...new Set(providerIds)].filter((id) => !this.approvals.has(id));
    if (unknown.length) {
      const rows = (await this.manager.query(`SELECT id, azav_approved FROM "${schemaOfManager(this.manager)}".partner_view WHERE id = ANY($1::uuid[])`, [unknown])) as Array<{ id: string; azav_approved: boolean | null }>;
      const found = new Map(rows.map((row) => [row.id, row.azav_approved ?? false]));
      for (const id of unknown) this.approvals.set(id, found.get(id) ?? false);
    }
    return this.approvals;
  }
}

/**
 * The date's distance in km if it passes the need's filters (undefined if not; null online):
 * in the window, not started, with free seats, online or its venue within the radius.
 */
function reach(date: IndexedDate, filter: CandidateFilter): number | null | undefined {
  if (date.startDate < filter.from || (filter.to !== null && date.endDate > filter.to) || date.seatsFree <= 0) return undefined;
  if (date.online) return null;
  if (Number.isNaN(date.lat)) return undefined;
  // Cheap first: a latitude difference alone beyond the radius (111 km per degree, with room).
  if (Math.abs(date.lat - filter.lat) * 110 > filter.radiusKm + 1) return undefined;
  const metres = sphereMetres(date.lon, date.lat, filter.lon, filter.lat);
  return metres <= filter.radiusKm * 1000 ? metres / 1000 : undefined;
}

function light({ date, km, ceiling }: Reached, azav: ReadonlyMap<string, boolean>): LightCandidate {
  return {
    courseDateId: date.id,
    offerId: date.offerId,
    online: date.online,
    distanceKm: km,
    startDate: date.startDate,
    endDate: date.endDate,
    schedule: date.schedule,
    seatsFree: date.seatsFree,
    minParticipants: date.minParticipants,
    skillUris: date.skillUris,
    facts: date.facts,
    providerAzavApproved: azav.get(date.providerId) ?? false,
    ceiling,
  };
}
