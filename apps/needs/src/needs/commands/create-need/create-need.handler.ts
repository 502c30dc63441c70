import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { currentCause, Principal } from '@bildungsraum/platform';
import { captureRole } from '../../../shared/domain/actor';
import { Clock, CLOCK } from '../../../shared/domain/clock';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { NeedsStore } from '../../../shared/infra/needs-store';
import { Need } from '../../domain/need';
import { needEvents } from '../../infra/need-events';
import { NeedWriter } from '../../infra/need-writer';
import { CompanyCache } from '../../../directory/infra/company-cache';
import { SiteResolver } from '../../infra/site-resolver';
import { NeedView, toNeedView } from '../../queries/need.view';
import { companyForCapture, companySnapshot } from '../need-access';
import { newContent } from '../need-content-builder';
import { CreateNeedRequest } from './create-need.request';

/**
 * Captures a need: by the company itself, or by a coordinator of one of its networks on its
 * behalf (recorded in `capturedBy`). With `submit: true` it is submitted at once: the need and
 * its `needs.need.submitted.v1` outbox row are committed together (NeedWriter).
 */
@Injectable()
export class CreateNeedHandler {
  constructor(
    private readonly store: NeedsStore,
    private readonly actors: ActorResolver,
    private readonly sites: SiteResolver,
    private readonly companies: CompanyCache,
    private readonly writer: NeedWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Checks and builds outside any transaction; the write goes through the group commit. */
  async execute(principal: Principal, request: CreateNeedRequest): Promise<NeedView> {
    const { need, events } = await this.store.read(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const company = await companyForCapture(manager, actor, request.companyId, (m, id) => this.companies.get(m, id));
      const site = await this.sites.resolve(company, request.site);
      const now = this.clock();
      const snapshot = companySnapshot(company, site);
      const need = Need.create({
        id: randomUUID(),
        companyId: company.id,
        company: snapshot,
        capturedBy: { partnerId: actor.partnerId, role: captureRole(actor, company.id), subject: actor.subject },
        content: newContent(request, site),
        now,
      });
      if (request.submit) need.submit(company.status === 'verified', snapshot, now);
      return { need, events: needEvents(need, need.pullChanges(), currentCause()) };
    });
    await this.writer.write(need, events);
    return toNeedView(need);
  }
}
