import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { isOperator } from '../../../shared/domain/actor';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { decodeCursor, encodeCursor } from '../../../shared/infra/keyset-cursor';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { NetworkRecord } from '../../infra/network.record';
import { networkRepository } from '../../infra/network.repository';
import { NetworkView, toNetworkView } from '../network.view';

export class ListNetworksQuery {
  @ApiPropertyOptional({ example: '06635' }) @IsOptional() @Matches(/^\d{5}$/, { message: 'district must be a 5-digit district key (AGS)' }) district?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) cursor?: string;
}

class NetworkPageView {
  @ApiProperty({ type: [NetworkView] }) items!: NetworkView[];
  @ApiPropertyOptional() nextCursor?: string;
}

/** Operators see every network; everyone else the networks their organisation belongs to. */
@Injectable()
export class ListNetworksHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, query: ListNetworksQuery): Promise<NetworkPageView> {
    return this.store.read(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const limit = query.limit ?? 50;
      const builder = manager.getRepository(NetworkRecord).createQueryBuilder('n');
      if (!isOperator(actor)) {
        builder.andWhere('EXISTS (SELECT 1 FROM network_members m WHERE m.network_id = n.id AND m.partner_id = :own)', { own: actor.partnerId });
      }
      if (query.district) builder.andWhere(':district = ANY(n.district_keys)', { district: query.district });
      if (query.cursor) {
        const after = decodeCursor(query.cursor);
        builder.andWhere('(n.name COLLATE "C", n.id) > (CAST(:afterName AS text) COLLATE "C", CAST(:afterId AS uuid))', { afterName: after.name, afterId: after.id });
      }
      const rows = await builder.orderBy('n.name COLLATE "C"', 'ASC').addOrderBy('n.id', 'ASC').limit(limit + 1).getMany();
      const page = rows.slice(0, limit);
      const networks = await Promise.all(page.map((row) => networkRepository.load(manager, row.id)));
      const items = networks.flatMap((network) => (network ? [toNetworkView(network)] : []));
      const last = page[page.length - 1];
      return { items, ...(rows.length > limit && last ? { nextCursor: encodeCursor(last) } : {}) };
    });
  }
}

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks')
export class ListNetworksController {
  constructor(private readonly handler: ListNetworksHandler) {}

  @Get()
  @ApiOperation({ summary: 'Verbünde auflisten / list networks' })
  @ApiOkResponse({ type: NetworkPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListNetworksQuery): Promise<NetworkPageView> {
    return this.handler.execute(principal, query);
  }
}
