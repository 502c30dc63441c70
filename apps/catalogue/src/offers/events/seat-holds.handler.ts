import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { MatchConfirmed, MatchConfirmedV1 } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { appendToOutbox, processOnce } from '@bildungsraum/persistence';
import { CATALOGUE_SCHEMA } from '../../db/catalogue-data-source';
import { CATALOGUE_DATA_SOURCE } from '../../shared/infra/catalogue-store';
import { saveAndEmit } from '../commands/offer-commands.service';
import { offerRepository } from '../infra/offer.repository';

/** Durable consumer name of this service (one per stream it reads, shared by replicas). */
export const CATALOGUE_CONSUMER = 'catalogue';

/**
 * Seats taken when a provider confirms participants in matching. Exactly once through the
 * inbox; the updated offer (free seats) is published in the same transaction.
 */
@Controller()
export class SeatHoldsHandler {
  constructor(@Inject(CATALOGUE_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @EventPattern(MatchConfirmed.type)
  async onMatchConfirmed(@Payload() match: MatchConfirmedV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, CATALOGUE_SCHEMA, CATALOGUE_CONSUMER, context.event, async (manager) => {
      const offerId = await offerRepository.offerIdOfDate(manager, match.courseDateId);
      // A date removed meanwhile (or an offer of another installation): nothing to hold.
      if (!offerId) return;
      const offer = await offerRepository.load(manager, offerId, { lock: true });
      if (!offer?.hasDate(match.courseDateId)) return;
      offer.holdSeats(match.courseDateId, match.participants);
      const { events } = await saveAndEmit(manager, offer);
      await appendToOutbox(manager, CATALOGUE_SCHEMA, events);
    });
  }
}
