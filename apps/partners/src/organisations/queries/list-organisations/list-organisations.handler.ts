import { Injectable } from '@nestjs/common';
import { Principal } from '@bildungsraum/platform';
import { likeContains } from '@bildungsraum/persistence';
import { coordinatingIn, isOperator } from '../../../shared/domain/actor';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { decodeCursor, encodeCursor } from '../../../shared/infra/keyset-cursor';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { OrganisationRecord } from '../../infra/organisation.record';
import { Organisation } from '../../domain/organisation';
import { toState } from '../../infra/organisation.repository';
import { OrganisationView, toOrganisationView } from '../organisation.view';
import { ListOrganisationsQuery } from './list-organisations.query';

export interface OrganisationPage {
  items: OrganisationView[];
  /** Present when more rows follow; pass it back as `cursor`. */
  nextCursor?: string;
}

/**
 * Lists the organisations the caller may see, filtered, in a stable order (name in byte order,
 * then id) with keyset pagination: pages stay consistent while rows are added.
 */
@Injectable()
export class ListOrganisationsHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, query: ListOrganisationsQuery): Promise<OrganisationPage> {
    return this.store.read(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const limit = query.limit ?? 50;
      const builder = manager.getRepository(OrganisationRecord).createQueryBuilder('o');
      if (!isOperator(actor)) {
        builder.andWhere('(o.id = :own OR o.network_ids && CAST(:coordinated AS uuid[]))', { own: actor.partnerId, coordinated: coordinatingIn(actor) });
      }
      if (query.kind) builder.andWhere('o.kind = :kind', { kind: query.kind });
      if (query.status) builder.andWhere('o.status = :status', { status: query.status });
      if (query.district) builder.andWhere(':district = ANY(o.district_keys)', { district: query.district });
      if (query.network) builder.andWhere(':network = ANY(o.network_ids)', { network: query.network });
      if (query.q) builder.andWhere(`lower(o.name) LIKE :q ESCAPE '\\'`, { q: likeContains(query.q) });
      if (query.cursor) {
        const after = decodeCursor(query.cursor);
        builder.andWhere('(o.name COLLATE "C", o.id) > (CAST(:afterName AS text) COLLATE "C", CAST(:afterId AS uuid))', { afterName: after.name, afterId: after.id });
      }
      const rows = await builder.orderBy('o.name COLLATE "C"', 'ASC').addOrderBy('o.id', 'ASC').limit(limit + 1).getMany();
      const page = rows.slice(0, limit);
      const items = page.map((row) => toOrganisationView(Organisation.restore(toState(row, [])), { withContacts: false }));
      const last = page[page.length - 1];
      return { items, ...(rows.length > limit && last ? { nextCursor: encodeCursor(last) } : {}) };
    });
  }
}
