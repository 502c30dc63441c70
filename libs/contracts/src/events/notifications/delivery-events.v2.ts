import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-definition';
import { DeliveryOutcomeV1 } from './delivery-events.v1';

/**
 * The deliveries one worker batch settled as succeeded (ADR 0007): one event per batch instead
 * of one per delivery, which cost more CPU than the webhook itself. Each entry is what
 * `notifications.delivery.succeeded.v1` carried; every delivery appears in exactly one event.
 */
export class DeliveriesSucceededV2 {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => DeliveryOutcomeV1)
  deliveries!: DeliveryOutcomeV1[];
}

export const DeliveriesSucceeded = defineEvent({
  type: 'notifications.delivery.succeeded.v2',
  service: 'notifications',
  aggregate: 'delivery',
  payload: DeliveriesSucceededV2,
  summary: 'Benachrichtigungen zugestellt, ein Ereignis je abgeschlossenem Sendestapel (E-Mail angenommen, Webhook mit 2xx beantwortet) / notifications delivered, one event per settled batch',
});
