import { Controller, Inject } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { JetStreamEventContext, PartnerSnapshotHandlers } from '@bildungsraum/messaging';
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
export class PartnerEventsHandler extends PartnerSnapshotHandlers {
  constructor(@Inject(CATALOGUE_DATA_SOURCE) private readonly dataSource: DataSource) {
    super();
  }

  protected async onPartner(partner: PartnerSnapshotV1, context: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, CATALOGUE_SCHEMA, CATALOGUE_CONSUMER, context.event, async (manager) => {
      if ((await providerDirectory.apply(manager, partner)) === 'stale') return;
      // Search rows show the provider's name; keep it current without touching the offers.
      await manager.query(`UPDATE search_date SET provider_name = $2 WHERE provider_id = $1 AND provider_name <> $2`, [partner.id, partner.name]);
      // Only the newest snapshot gets here, so a deactivation is acted on once it is current.
      if (partner.status === 'deactivated') await withdrawAll(manager, partner.id);
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
