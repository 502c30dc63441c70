import { Controller, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NetworkSnapshotV1, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { JetStreamEventContext, PartnerDirectoryHandlers } from '@bildungsraum/messaging';
import { processOnce } from '@bildungsraum/persistence';
import { MATCHING_CONSUMER, MATCHING_DATA_SOURCE, schemaOfManager } from '../../shared/infra/matching-store';
import { Rematcher } from '../../matches/infra/rematcher';
import { lockNeedForRematch } from '../../matches/infra/need-lock';
import { lockSkills } from '../../shared/infra/skill-locks';
import { directory } from '../infra/directory.repository';

/** Keeps the read model of partners (companies' networks, providers' AZAV, coordinators), once per event, newest version wins. */
@Controller()
export class PartnerEventsHandler extends PartnerDirectoryHandlers {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rematcher: Rematcher,
  ) {
    super();
  }

  /**
   * A company's head count decides what it pays after funding, so a change re-matches its open
   * needs (each locked as the event handlers lock it). A provider's AZAV approval decides whether its courses are funded (§ 82 SGB III), so a change –
   * or a provider that becomes known only after its offers and the needs they fit, as when the
   * streams are replayed side by side – re-matches the open needs its published offers could serve.
   */
  protected async onPartner(data: PartnerSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      const azavBefore = (await directory.providerAzav(manager, data.id)) ?? false;
      const employeesBefore = await directory.companyEmployees(manager, data.id);
      if ((await directory.upsertPartner(manager, data)) === 'stale') return;
      // A company's head count decides its share under § 82 SGB III: its open needs are re-matched.
      if (data.kind === 'company' && (data.company?.employees ?? null) !== employeesBefore) {
        const needs = await directory.openNeedsOfCompany(manager, data.id);
        // All their skills at once (in order), so no other handler waits for one this holds.
        await lockSkills(manager, await directory.skillsOfNeeds(manager, needs));
        for (const needId of needs) {
          const need = await lockNeedForRematch(manager, needId);
          if (need) await this.rematcher.rematchNeed(manager, needId, need);
        }
        return;
      }
      if (data.kind !== 'provider' || (data.provider?.azavApproved ?? false) === azavBefore) return;
      const skills = await directory.providerOfferSkills(manager, data.id);
      await lockSkills(manager, skills);
      for (const needId of await directory.openNeedsSharingSkills(manager, skills)) await this.rematcher.rematchNeed(manager, needId);
    });
  }

  protected async onNetwork(data: NetworkSnapshotV1, ctx: JetStreamEventContext): Promise<void> {
    await processOnce(this.dataSource, schemaOfManager(this.dataSource.manager), MATCHING_CONSUMER, ctx.event, async (manager) => {
      await directory.upsertNetwork(manager, data);
    });
  }
}
