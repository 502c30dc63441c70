import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, EVENT_CATALOG, NetworkSnapshotV1, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { processOnce } from '@bildungsraum/persistence';
import { NOTIFICATIONS_DATA_SOURCE, NOTIFICATIONS_SCHEMA } from '../../db/notifications-data-source';
import { directory } from '../../recipients/infra/directory.repository';
import { recordDeliveries } from '../infra/record-deliveries';
import { NotificationsConfig } from '../../notifications.config';
import { RecordingBatcher } from './recording-batcher';

/** Durable consumers `notifications_<STREAM>`, inbox rows with consumer `notifications`. */
export const NOTIFICATIONS_CONSUMER = 'notifications';

const PARTNER_TYPES = EVENT_CATALOG.filter((d) => d.service === 'partners' && d.aggregate === 'partner').map((d) => d.type);
const NETWORK_TYPES = EVENT_CATALOG.filter((d) => d.service === 'partners' && d.aggregate === 'network').map((d) => d.type);
/** Everything else any organisation may subscribe to; our own delivery events are not re-notified. */
const OTHER_TYPES = EVENT_CATALOG.filter((d) => d.service !== 'partners' && d.service !== 'notifications').map((d) => d.type);

/**
 * Each event, once (inbox row per consumer and event id): partners.* first update the read model
 * of recipients, then every event records its due deliveries and inbox items in the same transaction.
 */
@ApiExcludeController() // event handlers, not HTTP routes
@Controller()
export class NotifyEventsHandler {
  private readonly batcher: RecordingBatcher;

  constructor(
    @Inject(NOTIFICATIONS_DATA_SOURCE) private readonly dataSource: DataSource,
    config: NotificationsConfig,
  ) {
    this.batcher = new RecordingBatcher(dataSource, NOTIFICATIONS_CONSUMER, config.CONSUMER_CONCURRENCY);
  }

  @EventPattern(PARTNER_TYPES)
  partner(@Payload() data: PartnerSnapshotV1, @Ctx() ctx: JetStreamEventContext): Promise<void> {
    return this.handle(ctx, (manager) => directory.upsertPartner(manager, data));
  }

  @EventPattern(NETWORK_TYPES)
  network(@Payload() data: NetworkSnapshotV1, @Ctx() ctx: JetStreamEventContext): Promise<void> {
    return this.handle(ctx, (manager) => directory.upsertNetwork(manager, data));
  }

  @EventPattern(OTHER_TYPES)
  async other(@Payload() _data: unknown, @Ctx() ctx: JetStreamEventContext): Promise<void> {
    // Hot path: inbox gate and recording in one statement, concurrent events in one transaction; acked after commit.
    await this.batcher.record(ctx.event as CloudEvent<Record<string, unknown>>);
  }

  /** partners.*: the read model is updated first, in processOnce's transaction, then the recording sees it. */
  private async handle(ctx: JetStreamEventContext, before: (manager: EntityManager) => Promise<void>): Promise<void> {
    await processOnce(this.dataSource, NOTIFICATIONS_SCHEMA, NOTIFICATIONS_CONSUMER, ctx.event, async (manager) => {
      await before(manager);
      await recordDeliveries(manager, ctx.event as CloudEvent<Record<string, unknown>>, 'none');
    });
  }
}
