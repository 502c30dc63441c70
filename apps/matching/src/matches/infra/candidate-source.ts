import { EntityManager } from 'typeorm';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { CandidateFilter, CeilingOrder, findCandidatesById, findCandidateSteps, LightCandidate } from './candidates';
import { CourseDateIndex } from './course-date-index';
import { IndexedDate } from './indexed-date';
import { memoryCeiling, sphereMetres } from './memory-ceiling';

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

/** Visit stamps (IndexedDate.visit): retrieval is synchronous between awaits, so one counter serves all. */
let visits = 0;
const nextVisit = () => (visits = (visits + 1) % Number.MAX_SAFE_INTEGER);

interface Reached {
  date: IndexedDate;
  km: number | null;
  ceiling: number | null;
}

/** One need's retrieval over the index: a step's dates are ranked once, its pages read from that ranking. */
class IndexCandidates implements CandidateSource {
  private readonly ranked = new Map<string, Reached[]>();
  private filterKey?: string;

  constructor(
    private readonly manager: EntityManager,
    private readonly index: CourseDateIndex,
    private readonly overlay: ReadonlyMap<string, IndexedDate | null>,
  ) {}

  async steps(skillUris: readonly string[], steps: ReadonlyArray<string[][] | 'any'>, filter: CandidateFilter, exclude: readonly string[], order?: CeilingOrder): Promise<LightCandidate[][]> {
    const skip = new Set(exclude);
    const pages = steps.map((subsets) => {
      const page: Reached[] = [];
      for (const reached of this.rankedStep(skillUris, subsets, filter, order)) {
        if (skip.has(reached.date.id)) continue;
        page.push(reached);
        if (order && page.length >= order.limit) break;
      }
      return page;
    });
    const azav = await this.providerApprovals(pages.flat().map((reached) => reached.date.providerId));
    return pages.map((page) => page.map((reached) => light(reached, azav)));
  }

  async byId(ids: readonly string[], filter: CandidateFilter): Promise<LightCandidate[]> {
    const found = [...new Set(ids)].flatMap((id) => {
      const date = this.overlay.has(id) ? this.overlay.get(id) : this.index.get(id);
      const km = date ? reach(date, filter) : undefined;
      return date && km !== undefined ? [{ date, km, ceiling: null }] : [];
    });
    const azav = await this.providerApprovals(found.map((reached) => reached.date.providerId));
    return found.map((reached) => light(reached, azav));
  }

  /** The step's dates passing the filters, best ceiling first (ties by id, as SQL orders them); without `order`, unranked. */
  private rankedStep(skillUris: readonly string[], subsets: string[][] | 'any', filter: CandidateFilter, order?: CeilingOrder): Reached[] {
    const filterKey = JSON.stringify(filter);
    if (this.filterKey !== filterKey) this.ranked.clear();
    this.filterKey = filterKey;
    const key = `${order ? 'ranked' : 'all'}:${JSON.stringify(subsets === 'any' ? [...skillUris].sort() : subsets)}`;
    const ranked = this.ranked.get(key);
    if (ranked) return ranked;
    const ceiling = order ? memoryCeiling(order, filter) : undefined;
    const found: Reached[] = [];
    const take = (date: IndexedDate) => {
      const km = reach(date, filter);
      if (km !== undefined) found.push({ date, km, ceiling: ceiling ? ceiling(date, km) : null });
    };
    this.eachTeaching(skillUris, subsets, take);
    if (ceiling) found.sort((a, b) => b.ceiling! - a.ceiling! || (a.date.id < b.date.id ? -1 : 1));
    this.ranked.set(key, found);
    return found;
  }

  /**
   * Each date teaching every skill of one subset (or, `any`, one of the skills), once: the
   * shortest posting list of each subset, checked for the rest. A visit stamp on the date instead
   * of a set, and plain loops (a common skill has tens of thousands of dates at 100,000 offers).
   */
  private eachTeaching(skillUris: readonly string[], subsets: string[][] | 'any', take: (date: IndexedDate) => void): void {
    const stamp = nextVisit();
    const overlaid = this.overlay.size > 0;
    const groups = subsets === 'any' ? skillUris.map((uri) => [uri]) : subsets;
    for (const subset of groups) {
      if (!subset.length) continue;
      const lists = subset.map((uri) => this.index.teaching(uri)).sort((a, b) => a.size - b.size);
      const [shortest, ...others] = lists;
      for (const date of shortest!) {
        if (date.visit === stamp || (overlaid && this.overlay.has(date.id))) continue;
        if (others.length && !others.every((list) => list.has(date))) continue;
        date.visit = stamp;
        take(date);
      }
      for (const date of this.overlay.values()) {
        if (!date || date.visit === stamp || !subset.every((uri) => date.skillUris.includes(uri))) continue;
        date.visit = stamp;
        take(date);
      }
    }
  }

  private async providerApprovals(providerIds: readonly string[]): Promise<Map<string, boolean>> {
    const ids = [...new Set(providerIds)];
    if (!ids.length) return new Map();
    const rows = (await this.manager.query(`SELECT id, azav_approved FROM "${schemaOfManager(this.manager)}".partner_view WHERE id = ANY($1::uuid[])`, [ids])) as Array<{ id: string; azav_approved: boolean | null }>;
    return new Map(rows.map((row) => [row.id, row.azav_approved ?? false]));
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
