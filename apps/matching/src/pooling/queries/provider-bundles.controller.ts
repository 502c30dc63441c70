import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, NotFoundProblem, Principal, Roles } from '@bildungsraum/platform';
import { ActorResolver } from '../../shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE } from '../../shared/infra/matching-store';
import { readBundles } from './bundle-list';
import { BundlePageView, BundleView } from './bundle.view';
import { BUNDLE_NOT_FOUND } from './bundles.controller';
import { BundlesQuery } from './bundles.query';

/**
 * A provider's view of pooled demand on its own course dates: how many participants from how many
 * companies, and a company's name only where it agreed (nameVisibleToProviders); never the needs.
 * Demand for a new course (no reachable date at all) is in `GET /provider/gaps`.
 */
@ApiTags('provider')
@ApiBearerAuth()
@Roles('provider')
@Controller('provider/bundles')
export class ProviderBundlesController {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Bündel auf eigenen Kursterminen (Standard: forming und viable) / bundles on the provider’s own course dates' })
  @ApiOkResponse({ type: BundlePageView })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: BundlesQuery): Promise<BundlePageView> {
    const manager = this.dataSource.manager;
    const actor = await this.actors.resolve(manager, principal);
    return readBundles(manager, actor, { kind: 'provider', providerId: actor.partnerId }, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Ein Bündel auf einem eigenen Kurstermin / one bundle on an own course date' })
  @ApiOkResponse({ type: BundleView })
  async one(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<BundleView> {
    const manager = this.dataSource.manager;
    const actor = await this.actors.resolve(manager, principal);
    const [bundle] = (await readBundles(manager, actor, { kind: 'provider', providerId: actor.partnerId }, { id, limit: 1 })).items;
    // Another provider's bundle does not exist for this one.
    if (!bundle) throw new NotFoundProblem(BUNDLE_NOT_FOUND);
    return bundle;
  }
}
