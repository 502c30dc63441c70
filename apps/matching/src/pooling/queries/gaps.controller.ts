import { Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, NotFoundProblem, Principal, Roles } from '@bildungsraum/platform';
import { ActorResolver } from '../../shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE } from '../../shared/infra/matching-store';
import { allGaps } from './gap-export';
import { readGaps } from './gap-report';
import { GapPageView, GapView } from './gap.view';
import { GapFilters, GapsQuery } from './gaps.query';
import { gapsCsv } from './gaps-csv';
import { coordinatorDistricts } from './read-scope';

export const GAP_NOT_FOUND = 'Angebotslücke nicht gefunden / gap not found';

const wantsCsv = (accept: string | undefined): boolean => !!accept && /\btext\/csv\b/i.test(accept) && !/application\/(problem\+)?json/i.test(accept);

/**
 * The gap report for coordinators and agencies (role coordinator: the districts of the networks
 * it coordinates) and operators (all): demand per district and skill group without a reachable
 * offer, as JSON pages or as CSV for Excel.
 */
@ApiTags('gaps')
@ApiBearerAuth()
@Roles('operator', 'coordinator')
@Controller('gaps')
export class GapsController {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Angebotslücken (Bericht; mit Accept: text/csv als CSV) / gap report (CSV with Accept: text/csv)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: GapPageView })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GapsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<GapPageView | string> {
    if (wantsCsv(accept)) return this.csv(principal, query, response);
    const manager = this.dataSource.manager;
    const scope = await coordinatorDistricts(manager, await this.actors.resolve(manager, principal));
    return readGaps(manager, { ...query, limit: query.limit ?? 50, ...(scope ? { scope } : {}) });
  }

  /** Declared before `:id`, so that `export.csv` is not taken for an id. */
  @Get('export.csv')
  @ApiOperation({ summary: 'Angebotslücken als CSV (Excel: UTF-8 mit BOM, Semikolon) / gap report as CSV for Excel' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV mit deutschen Spaltenköpfen / CSV with German headers', schema: { type: 'string' } })
  async export(@CurrentPrincipal() principal: Principal, @Query() filters: GapFilters, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.csv(principal, filters, response);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Eine Angebotslücke / one gap' })
  @ApiOkResponse({ type: GapView })
  async one(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<GapView> {
    const manager = this.dataSource.manager;
    const scope = await coordinatorDistricts(manager, await this.actors.resolve(manager, principal));
    const [gap] = (await readGaps(manager, { id, limit: 1, ...(scope ? { scope } : {}) })).items;
    // Outside the caller's districts it does not exist for the caller.
    if (!gap) throw new NotFoundProblem(GAP_NOT_FOUND);
    return gap;
  }

  private async csv(principal: Principal, filters: GapFilters, response: Response): Promise<string> {
    const manager = this.dataSource.manager;
    const scope = await coordinatorDistricts(manager, await this.actors.resolve(manager, principal));
    const { district, skill, targetGroup, status } = filters;
    const gaps = await allGaps(manager, { district, skill, targetGroup, status, ...(scope ? { scope } : {}) });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="angebotsluecken.csv"');
    return gapsCsv(gaps);
  }
}
