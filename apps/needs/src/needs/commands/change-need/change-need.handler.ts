import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentCause, Principal } from '@bildungsraum/platform';
import { schemaOfManager } from '../../../shared/infra/schema-of-manager';
import { Clock, CLOCK } from '../../../shared/domain/clock';
import { DomainError } from '@bildungsraum/domain-kernel';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { NeedsStore } from '../../../shared/infra/needs-store';
import { notFound } from '../../../shared/domain/need-errors';
import { Need } from '../../domain/need';
import { needEvents } from '../../infra/need-events';
import { needRepository } from '../../infra/need.repository';
import { SiteResolver } from '../../infra/site-resolver';
import { NeedView, toNeedView } from '../../queries/need.view';
import { companySnapshot, loadForChange } from '../need-access';
import { mergeContent } from '../need-content-builder';
import { UpdateNeedRequest } from './change-need.requests';

/** Update, submit, withdraw and delete (drafts only) of one need, each in one transaction. */
@Injectable()
export class ChangeNeedHandler {
  constructor(
    private readonly store: NeedsStore,
    private readonly actors: ActorResolver,
    private readonly sites: SiteResolver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  update(principal: Principal, id: string, request: UpdateNeedRequest): Promise<NeedView> {
    return this.change(principal, id, async (need, company) => {
      const site = request.site ? await this.sites.resolve(company(), request.site) : need.snapshot.content.site;
      need.update(mergeContent(need.snapshot.content, request, site), this.clock());
    });
  }

  submit(principal: Principal, id: string): Promise<NeedView> {
    return this.change(principal, id, async (need, company) => {
      const record = company();
      need.submit(record.status === 'verified', companySnapshot(record, need.snapshot.content.site), this.clock());
    });
  }

  withdraw(principal: Principal, id: string, reason?: string): Promise<NeedView> {
    return this.change(principal, id, async (need) => need.withdraw('requested', reason, this.clock()));
  }

  /** Drafts are private and may be deleted; a published need is withdrawn instead (its history stays). */
  delete(principal: Principal, id: string): Promise<void> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const { need } = await loadForChange(manager, actor, id);
      if (need.snapshot.status !== 'draft') throw new DomainError('conflict', 'need.not-draft', 'Nur Entwürfe können gelöscht werden; sonst zurückziehen / only drafts can be deleted; withdraw instead');
      await deleteNeed(manager, id);
      return { result: undefined, events: [] };
    });
  }

  private change(principal: Principal, id: string, work: (need: Need, company: () => NonNullable<Awaited<ReturnType<typeof loadForChange>>['company']>) => Promise<void>): Promise<NeedView> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const { need, company } = await loadForChange(manager, actor, id);
      const before = need.snapshot.version;
      await work(need, () => {
        if (!company) throw notFound('company');
        return company;
      });
      const changes = need.pullChanges();
      if (need.snapshot.version !== before) await needRepository.update(manager, need);
      return { result: toNeedView(need), events: needEvents(need, changes, currentCause()) };
    });
  }
}

async function deleteNeed(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`DELETE FROM "${schemaOfManager(manager)}".needs WHERE id = $1`, [id]);
}
