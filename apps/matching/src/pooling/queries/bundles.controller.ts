import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, NotFoundProblem, Principal, Roles } from '@bildungsraum/platform';
import { Actor } from '../../shared/domain/actor';
import { ActorResolver } from '../../shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE } from '../../shared/infra/matching-store';
import { BundleScope, readBundles } from './bundle-list';
import { BundlePageView, BundleView } from './bundle.view';
import { BundlesQuery } from './bundles.query';
import { coordinatorDistricts } from './read-scope';

export const BUNDLE_NOT_FOUND = 'Bündel nicht gefunden / bundle not found';

/**
 * Bundles for coordinators (those touching their networks' districts or member companies) and
 * operators (all). Needs of companies outside the coordinator's networks are shown by name only
 * where the company agreed, otherwise anonymously.
 */
@ApiTags('bundles')
@ApiBearerAuth()
@Roles('operator', 'coordinator')
@Controller('bundles')
export class BundlesController {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Bündel (Standard: forming und viable) / bundles (default: forming and viable)' })
  @ApiOkResponse({ type: BundlePageView })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: BundlesQuery): Promise<BundlePageView> {
    const { actor, scope } = await this.scopeOf(principal);
    return readBundles(this.dataSource.manager, actor, scope, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Ein Bündel / one bundle' })
  @ApiOkResponse({ type: BundleView })
  async one(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<BundleView> {
    const { actor, scope } = await this.scopeOf(principal);
    const [bundle] = (await readBundles(this.dataSource.manager, actor, scope, { id, limit: 1 })).items;
    if (!bundle) throw new NotFoundProblem(BUNDLE_NOT_FOUND);
    return bundle;
  }

  private async scopeOf(principal: Principal): Promise<{ actor: Actor; scope: BundleScope }> {
    const manager = this.dataSource.manager;
    const actor = await this.actors.resolve(manager, principal);
    const districtKeys = await coordinatorDistricts(manager, actor);
    return { actor, scope: districtKeys ? { kind: 'coordinator', districtKeys, networkIds: actor.coordinatedNetworkIds } : { kind: 'all' } };
  }
}
