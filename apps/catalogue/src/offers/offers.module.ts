import { Module } from '@nestjs/common';
import { PartnerEventsHandler } from '../providers/partner-events.handler';
import { OfferCommands } from './commands/offer-commands.service';
import { OffersCommandController } from './commands/offers.controller';
import { SeatHoldsHandler } from './events/seat-holds.handler';
import { OffersQueryController } from './queries/offers-query.controller';

@Module({
  controllers: [OffersQueryController, OffersCommandController, SeatHoldsHandler, PartnerEventsHandler],
  providers: [OfferCommands],
  exports: [OfferCommands],
})
export class OffersModule {}
