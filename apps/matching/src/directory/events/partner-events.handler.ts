import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { NetworkCreated, NetworkSnapshotV1, NetworkUpdated, PartnerDeactivated, PartnerRegistered, PartnerRejected, PartnerSnapshotV1, PartnerUpdated, PartnerVerified } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { processOnce } from '@bildungsraum/persistence';
import { MATCHING_CONSUMER, MATCHING_DATA_SOURCE, schemaOfManager } from '../../shared/infra/matching-store';
import { directory } from '../infra/directory.repository';

/** Keeps the read model of partners (companies' networks, providers' AZAV, coordinators), once per event, newest version wins. */
@Controller()
export class PartnerEventsHandler {
  constructor(@Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @EventPattern(PartnerRegistered.type) registered(@Payload() d: PartnerSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.partner(d, c); }
  @EventPattern(PartnerUpdated.type) updated(@Payload() d: PartnerSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.partner(d, c); }
  @EventPattern(PartnerVerified.type) verified(@Payload() d: PartnerSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.partner(d, c); }
  @EventPattern(PartnerRejected.type) rejected(@Payload() d: PartnerSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.partner(d, c); }
  @EventPattern(PartnerDeactivated.type) deactivated(@Payload() d: PartnerSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.partner(d, c); }
  @EventPattern(NetworkCreated.type) networkCreated(@Payload() d: NetworkSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.network(d, c); }
  @EventPattern(NetworkUpdated.type) networkUpdated(@Payload() d: NetworkSnapshotV1, @Ctx() c: JetStreamEventContext) { return this.network(d, c); }

  private async partner(data: PartnerSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      await directory.upsertPartner(manager, data);
    });
  }

  private async network(data: NetworkSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      await directory.upsertNetwork(manager, data);
    });
  }
}
