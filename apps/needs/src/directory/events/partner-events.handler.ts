import { Controller, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NetworkSnapshotV1, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { JetStreamEventContext, PartnerDirectoryHandlers } from '@bildungsraum/messaging';
import { appendToOutbox, processOnce } from '@bildungsraum/persistence';
import { currentCause } from '@bildungsraum/platform';
import { Clock, CLOCK } from '../../shared/domain/clock';
import { NEEDS_DATA_SOURCE } from '../../shared/infra/needs-store';
import { schemaOfManager } from '../../shared/infra/schema-of-manager';
import { needEvents } from '../../needs/infra/need-events';
import { needRepository } from '../../needs/infra/need.repository';
import { directory } from '../infra/directory.repository';

/** The consumer name: durable `needs_PARTNERS`, inbox rows with consumer `needs`. */
export const NEEDS_CONSUMER = 'needs';

/**
 * Keeps the read model of partners: companies (status, size, sites, networks) and networks
 * (coordinating members). Version-guarded, once per event. A deactivated company's open needs
 * are withdrawn in the same transaction.
 */
@Controller()
export class PartnerEventsHandler extends PartnerDirectoryHandlers {
  constructor(
    @Inject(NEEDS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  protected async onPartner(data: PartnerSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), NEEDS_CONSUMER, ctx.event, async (manager) => {
      await directory.upsertPartner(manager, data);
      if (data.status !== 'deactivated' || data.kind !== 'company') return;
      const now = this.clock();
      for (const need of await needRepository.openOfCompany(manager, data.id)) {
        need.withdraw('company_deactivated', undefined, now);
        await needRepository.update(manager, need);
        await appendToOutbox(manager, schemaOfManager(manager), needEvents(need, need.pullChanges(), currentCause()));
      }
    });
  }

  protected async onNetwork(data: NetworkSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), NEEDS_CONSUMER, ctx.event, async (manager) => {
      await directory.upsertNetwork(manager, data);
    });
  }
}
