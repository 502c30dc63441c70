import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import {
  PartnerDeactivated,
  PartnerDeactivatedV1,
  PartnerRegistered,
  PartnerRejected,
  PartnerSnapshotV1,
  PartnerUpdated,
  PartnerVerified,
} from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { appendToOutbox, processOnce } from '@bildungsraum/persistence';
import { CATALOGUE_SCHEMA } from '../db/catalogue-data-source';
import { saveAndEmit } from '../offers/commands/offer-commands.service';
import { CATALOGUE_CONSUMER } from '../offers/events/seat-holds.handler';
import { offerRepository } from '../offers/infra/offer.repository';
import { CATALOGUE_DATA_SOURCE } from '../shared/infra/catalogue-store';
import { providerDirectory } from './provider-directory';

/**
 * Keeps the provider read model current from partners.* events (newest version wins). A
 * provider that is deactivated takes its published offers off the market with it.
 */
@Controller()
export class PartnerEventsHandler {
  constructor(@Inject(CATALOGUE_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @EventPattern(PartnerRegistered.type)
  onRegistered(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.apply(partner, context);
  }

  @EventPattern(PartnerUpdated.type)
  onUpdated(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.apply(partner, context);
  }

  @EventPattern(PartnerVerified.type)
  onVerified(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.apply(partner, context);
  }

  @EventPattern(PartnerRejected.type)
  onRejected(@Payload() partner: PartnerSnapshotV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.apply(partner, context);
  }

  @EventPattern(PartnerDeactivated.type)
  onDeactivated(@Payload() partner: PartnerDeactivatedV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    return this.apply(partner, context, (manager) => withdrawAll(manager, partner.id));
  }

  private async apply(partner: PartnerSnapshotV1, context: JetStreamEventContext, then?: (manager: EntityManager) => Promise<void>): Promise<void> {
    await processOnce(this.dataSource, CATALOGUE_SCHEMA, CATALOGUE_CONSUMER, context.event, async (manager) => {
      if ((await providerDirectory.apply(manager, partner)) === 'stale') return;
      // Search rows show the provider's name; keep it current without touching the offers.
      await manager.query(`UPDATE search_date SET provider_name = $2 WHERE provider_id = $1 AND provider_name <> $2`, [partner.id, partner.name]);
      await then?.(manager);
    });
  }
}

async function withdrawAll(manager: EntityManager, providerId: string): Promise<void> {
  for (const id of await offerRepository.idsOfProvider(manager, providerId, ['published'])) {
    const offer = await offerRepository.load(manager, id, { lock: true });
    if (!offer) continue;
    offer.withdraw('Bildungsträger deaktiviert / provider deactivated');
    const { events } = await saveAndEmit(manager, offer);
    await appendToOutbox(manager, CATALOGUE_SCHEMA, events);
  }
}
