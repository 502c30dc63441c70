import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { OfferArchived, OfferPublished, OfferSnapshotV1, OfferUpdated, OfferWithdrawn } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { appendToOutbox, processOnce } from '@bildungsraum/persistence';
import { bundleKeeper } from '../../pooling/infra/bundle-keeper';
import { MATCHING_CONSUMER, MATCHING_DATA_SOURCE, schemaOfManager } from '../../shared/infra/matching-store';
import { lockSkills, heldSkills } from '../../shared/infra/skill-locks';
import { readModels } from '../infra/read-models';
import { OfferInserter } from '../infra/offer-inserter';

/**
 * An offer is published or changes (dates, seats) or goes: store it with its dates, then bring
 * every need it concerns up to date in the same transaction (OfferInserter): needs holding a match
 * or bundle place on it are re-matched (retractions: offer withdrawn, date removed, seats gone),
 * open needs it could enter the top of get its dates inserted into their proposals and places;
 * the bundles on a changed offer's dates follow a new minimum of participants or their free seats.
 */
@Controller()
export class OfferEventsHandler {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly inserter: OfferInserter,
  ) {}

  @EventPattern(OfferPublished.type) published(@Payload() d: OfferSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.offer(d, c); }
  @EventPattern(OfferUpdated.type) updated(@Payload() d: OfferSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.offer(d, c); }
  @EventPattern(OfferWithdrawn.type) withdrawn(@Payload() d: OfferSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.offer(d, c); }
  @EventPattern(OfferArchived.type) archived(@Payload() d: OfferSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.offer(d, c); }

  private async offer(data: OfferSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      await lockSkills(manager, [...(await heldSkills(manager, schemaOfManager(manager), 'offer_view', data.id)), ...data.skills]);
      if ((await readModels.upsertOffer(manager, data)) === 'stale') return;
      await this.inserter.apply(manager, data);
      // A brand-new offer's bundles were just formed from its dates; a changed one's follow its dates' minimum and seats.
      if (data.version > 1) {
        const events = await bundleKeeper.followOffer(manager, data);
        if (events.length) await appendToOutbox(manager, schemaOfManager(manager), events);
      }
    });
  }
}
