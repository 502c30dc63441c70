import { Controller, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NetworkSnapshotV1, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { JetStreamEventContext, PartnerDirectoryHandlers } from '@bildungsraum/messaging';
import { processOnce } from '@bildungsraum/persistence';
import { MATCHING_CONSUMER, MATCHING_DATA_SOURCE, schemaOfManager } from '../../shared/infra/matching-store';
import { directory } from '../infra/directory.repository';

/** Keeps the read model of partners (companies' networks, providers' AZAV, coordinators), once per event, newest version wins. */
@Controller()
export class PartnerEventsHandler extends PartnerDirectoryHandlers {
  constructor(@Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource) {
    super();
  }

  protected async onPartner(data: PartnerSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      await directory.upsertPartner(manager, data);
    });
  }

  protected async onNetwork(data: NetworkSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      await directory.upsertNetwork(manager, data);
    });
  }
}
