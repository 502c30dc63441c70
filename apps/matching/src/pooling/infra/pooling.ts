import { EntityManager } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { NeedRecord } from '../../matches/infra/need-records';
import { bundleKeeper, FittingDate } from './bundle-keeper';
import { coreSkills } from '../domain/core-skills';
import { gapKeeper, RemovedDemand, removeDemandSql } from './gap-keeper';
import { schemaOfManager } from '../../shared/infra/matching-store';

/**
 * After a need was re-matched: its place in the bundles of the dates it fits best (`fitting`: its
 * best poolable dates, MATCH_POOL_FITS of them), and in the gaps when it fits no date at all
 * (`fitsAny` false: per district and skill group of its core skills). Returns the bundle and gap events of the change (for the same outbox write).
 */
export async function poolNeed(manager: EntityManager, need: NeedRecord, fitting: readonly FittingDate[], fitsAny: boolean): Promise<CloudEvent[]> {
  const n = need.snapshot;
  const facts = { id: need.id, companyId: n.company.id, participants: n.participants, districtKey: n.site.districtKey, open: need.open };
  // The need's gap demand is removed in the statement that writes its fits (one round trip fewer).
  const { events, also } = await bundleKeeper.replaceFits(manager, facts, fitting, removeDemandSql(schemaOfManager(manager)));
  // Demand counts through the need's core skills, not the relatives added to find courses.
  const core = coreSkills(n.skillUris, need.textSkills, need.corrections);
  events.push(...(await gapKeeper.replaceDemand(manager, { ...facts, targetGroups: n.targetGroups, core }, !fitsAny, also as RemovedDemand[])));
  return events;
}
