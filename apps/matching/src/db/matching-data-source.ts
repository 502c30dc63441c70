import { DataSource } from 'typeorm';
import { createServiceDataSource } from '@bildungsraum/persistence';
import { MatchingInitial1763750000000 } from './migrations/1763750000000-matching-initial';
import { MatchingPooling1763750100000 } from './migrations/1763750100000-matching-pooling';
import { MatchingSkillCorrections1763750200000 } from './migrations/1763750200000-matching-skill-corrections';
import { MatchingReadSide1763750300000 } from './migrations/1763750300000-matching-read-side';
import { MatchingRankedRetrieval1763760000000 } from './migrations/1763760000000-matching-ranked-retrieval';
import { MatchingGapGroups1763770000000 } from './migrations/1763770000000-matching-gap-groups';
import { MatchingAdmissionPlaces1763780000000 } from './migrations/1763780000000-matching-admission-places';
import { MatchingTextRelevance1763790000000 } from './migrations/1763790000000-matching-text-relevance';
import { MatchingTextTitleIndex1763790000001 } from './migrations/1763790000001-matching-text-title-index';
import { MatchingGinPendingList1763800000000 } from './migrations/1763800000000-matching-gin-pending-list';
import { MatchingFoldedOfferText1763810000000 } from './migrations/1763810000000-matching-folded-offer-text';
import { MatchingNeedWordPieces1763820000000 } from './migrations/1763820000000-matching-need-word-pieces';
import { MatchingNeedWordGroups1763830000000 } from './migrations/1763830000000-matching-need-word-groups';
import { MatchingNeedSites1763840000000 } from './migrations/1763840000000-matching-need-sites';
import { MatchingBundleBestMembers1763850000000 } from './migrations/1763850000000-matching-bundle-best-members';
import { MatchingProposalAdmission1763860000000 } from './migrations/1763860000000-matching-proposal-admission';
import { MatchingConfirmedMatches1763870000000 } from './migrations/1763870000000-matching-confirmed-matches';
import { MatchingCeilingColumns1763880000000 } from './migrations/1763880000000-matching-ceiling-columns';
import { MatchingDateChangeLog1763900000000 } from './migrations/1763900000000-matching-date-change-log';

/** The service's own Postgres schema (ARCHITECTURE.md §5). */
export const MATCHING_SCHEMA = 'matching';
export const MATCHING_MIGRATIONS = [MatchingInitial1763750000000, MatchingPooling1763750100000, MatchingSkillCorrections1763750200000, MatchingReadSide1763750300000, MatchingRankedRetrieval1763760000000, MatchingGapGroups1763770000000, MatchingAdmissionPlaces1763780000000, MatchingTextRelevance1763790000000, MatchingTextTitleIndex1763790000001, MatchingGinPendingList1763800000000, MatchingFoldedOfferText1763810000000, MatchingNeedWordPieces1763820000000, MatchingNeedWordGroups1763830000000, MatchingNeedSites1763840000000, MatchingBundleBestMembers1763850000000, MatchingProposalAdmission1763860000000, MatchingConfirmedMatches1763870000000, MatchingCeilingColumns1763880000000, MatchingDateChangeLog1763900000000];

/**
 * Plain SQL throughout (no ORM entities): read models and matches are rows with arrays and points.
 * JIT off on every connection: retrieval's short queries have large cost estimates, and compiling
 * them cost seconds for milliseconds of execution (measured); no query here is long enough to gain.
 * No parallel workers either: starting them cost more than they saved – a new offer's reach
 * statements took half the time without (20 offers against 50,000 open needs: 1.2 s against
 * 1.9–2.2 s in all, p50 34 against 66–92 ms) – and matching scales by running more handlers.
 */
export function createMatchingDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return createServiceDataSource({
    url,
    schema: MATCHING_SCHEMA,
    entities: [],
    migrations: MATCHING_MIGRATIONS,
    applicationName: 'matching',
    settings: { jit: 'off', max_parallel_workers_per_gather: '0' },
    ...options,
  });
}
