import { Injectable } from '@nestjs/common';
import { Principal } from '@bildungsraum/platform';
import { likeContains } from '@bildungsraum/persistence';
import { coordinatingIn, isCompanyUser, isOperator } from '../../../shared/domain/actor';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { decodeCursor, encodeCursor } from '../../../shared/infra/keyset-cursor';
import { NeedsStore } from '../../../shared/infra/needs-store';
import { Need } from '../../domain/need';
import { NEED_COLUMNS, NeedRow, toState } from '../../infra/need.repository';
import { NeedView, toNeedView } from '../need.view';
import { ListNeedsQuery } from './list-needs.query';

export interface NeedPage {
  items: NeedView[];
  /** Present when more rows follow; pass it back as `cursor`. */
  nextCursor?: string;
}

/**
 * Needs the caller may see, newest first, keyset-paginated over (created_at, id): a company its
 * own, a coordinator those of its networks' member companies, an operator all.
 */
@Injectable()
export class ListNeedsHandler {
  constructor(
    private readonly store: NeedsStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, query: ListNeedsQuery): Promise<NeedPage> {
    return this.store.read(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const s = this.store.schema;
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      if (!isOperator(actor)) {
        const own = isCompanyUser(actor) ? actor.partnerId : '00000000-0000-0000-0000-000000000000';
        where.push(`(n.company_id = ${param(own)} OR n.company_id IN (SELECT p.id FROM "${s}".partner_view p WHERE p.network_ids && CAST(${param(coordinatingIn(actor))} AS uuid[])))`);
      }
      if (query.status) where.push(`n.status = ${param(query.status)}`);
      if (query.company) where.push(`n.company_id = ${param(query.company)}`);
      if (query.network) where.push(`n.company_id IN (SELECT p.id FROM "${s}".partner_view p WHERE ${param(query.network)} = ANY(p.network_ids))`);
      if (query.district) where.push(`n.district_key = ${param(query.district)}`);
      if (query.targetGroup) where.push(`${param(query.targetGroup)} = ANY(n.target_groups)`);
      if (query.skill) where.push(`${param(query.skill)} = ANY(n.skill_uris)`);
      // Window overlap: a need without a date on one side is open on that side.
      if (query.from) where.push(`(n.latest_end IS NULL OR n.latest_end >= CAST(${param(query.from)} AS date))`);
      if (query.to) where.push(`(n.earliest_start IS NULL OR n.earliest_start <= CAST(${param(query.to)} AS date))`);
      if (query.q) where.push(`lower(n.description) LIKE ${param(likeContains(query.q))} ESCAPE '\\'`);
      if (query.cursor) {
        const after = decodeCursor(query.cursor);
        where.push(`(n.created_at, n.id) < (CAST(${param(after.createdAt)} AS timestamptz), CAST(${param(after.id)} AS uuid))`);
      }
      const limit = query.limit ?? 50;
      const rows = (await manager.query(
        `SELECT ${NEED_COLUMNS.split(', ').map((column) => `n.${column}`).join(', ')} FROM "${s}".needs n
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY n.created_at DESC, n.id DESC LIMIT ${param(limit + 1)}`,
        params,
      )) as NeedRow[];
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((row) => toNeedView(Need.restore(toState(row)))),
        ...(rows.length > limit && last ? { nextCursor: encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id }) } : {}),
      };
    });
  }
}
