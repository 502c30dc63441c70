import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import {
  BundleDissolved,
  BundleFormed,
  BundleSnapshotV1,
  BundleUpdated,
  MatchAccepted,
  MatchConfirmed,
  MatchDeclined,
  MatchProposed,
  MatchRejected,
  MatchSnapshotV1,
  MatchWithdrawn,
} from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { appendToOutbox, processOnce, upsertIfNewer } from '@bildungsraum/persistence';
import { currentCause } from '@bildungsraum/platform';
import { Clock, CLOCK } from '../../shared/domain/clock';
import { NEEDS_DATA_SOURCE } from '../../shared/infra/needs-store';
import { schemaOfManager } from '../../shared/infra/schema-of-manager';
import { NEEDS_CONSUMER } from '../../directory/events/partner-events.handler';
import { linkStateOfBundle, linkStateOfMatch, LinkState, MatchingLink, statusFromLinks } from '../domain/need-matching-status';
import { needEvents } from '../infra/need-events';
import { needRepository } from '../infra/need.repository';

/**
 * Moves a need's status as matching reports (mapping in domain/need-matching-status.ts). One
 * version-guarded link row per (need, match) and (need, bundle); the status is recomputed from
 * all links of the need, so events may arrive in any order.
 */
@Controller()
export class MatchingEventsHandler {
  constructor(
    @Inject(NEEDS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern(MatchProposed.type) proposed(@Payload() d: MatchSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.match(d, c); }
  @EventPattern(MatchAccepted.type) accepted(@Payload() d: MatchSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.match(d, c); }
  @EventPattern(MatchDeclined.type) declined(@Payload() d: MatchSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.match(d, c); }
  @EventPattern(MatchConfirmed.type) confirmed(@Payload() d: MatchSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.match(d, c); }
  @EventPattern(MatchRejected.type) rejected(@Payload() d: MatchSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.match(d, c); }
  @EventPattern(MatchWithdrawn.type) withdrawn(@Payload() d: MatchSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.match(d, c); }
  @EventPattern(BundleFormed.type) formed(@Payload() d: BundleSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.bundle(d, c); }
  @EventPattern(BundleUpdated.type) bundleUpdated(@Payload() d: BundleSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.bundle(d, c); }
  @EventPattern(BundleDissolved.type) dissolved(@Payload() d: BundleSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.bundle(d, c); }

  private async match(data: MatchSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), NEEDS_CONSUMER, ctx.event, async (manager) => {
      await this.link(manager, data.needId, 'match', data.id, linkStateOfMatch(data.status), data.version);
    });
  }

  private async bundle(data: BundleSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), NEEDS_CONSUMER, ctx.event, async (manager) => {
      const listed = new Set(data.needs.map((need) => need.needId));
      // Needs linked before but no longer listed left the bundle.
      const previous = (await manager.query(`SELECT need_id FROM "${schemaOfManager(manager)}".need_matching_links WHERE kind = 'bundle' AND ref_id = $1`, [data.id])) as Array<{ need_id: string }>;
      const needIds = [...new Set([...listed, ...previous.map((row) => row.need_id)])].sort();
      for (const needId of needIds) {
        await this.link(manager, needId, 'bundle', data.id, linkStateOfBundle(data.status, listed.has(needId)), data.version);
      }
    });
  }

  private async link(manager: EntityManager, needId: string, kind: 'match' | 'bundle', refId: string, state: LinkState, version: number): Promise<void> {
    const need = await needRepository.load(manager, needId, { forUpdate: true });
    if (!need) return; // a need of another installation, or deleted as a draft
    const s = schemaOfManager(manager);
    const outcome = await upsertIfNewer(manager, { schema: s, table: 'need_matching_links', key: ['need_id', 'kind', 'ref_id'], row: { need_id: needId, kind, ref_id: refId, state, version } });
    if (outcome === 'stale') return;
    const links = (await manager.query(`SELECT kind, ref_id AS "refId", state FROM "${s}".need_matching_links WHERE need_id = $1`, [needId])) as MatchingLink[];
    const before = need.snapshot.version;
    need.followMatching(statusFromLinks(links), this.clock());
    if (need.snapshot.version === before) return;
    await needRepository.update(manager, need);
    await appendToOutbox(manager, s, needEvents(need, need.pullChanges(), currentCause()));
  }
}
