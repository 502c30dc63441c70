import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@bildungsraum/platform';
import { PostalCodeDirectory } from '@bildungsraum/reference-data';
import { CatalogueConfig } from '../catalogue.config';
import { CATALOGUE_SCHEMA } from '../db/catalogue-data-source';
import { today } from '../offers/domain/offer-model';
import { invalid } from '@bildungsraum/domain-kernel';
import { CATALOGUE_DATA_SOURCE } from '../shared/infra/catalogue-store';
import { decodeCursor } from '../shared/infra/keyset-cursor';
import { skillsMatchingWords } from '../skills/skill-search';
import { SearchCriteria, searchWords } from './search-criteria';
import { runSearch, SearchResult } from './search-engine';
import { effectiveSort } from './search-sql';
import { SearchQuery } from './search.query';
import { SearchResultView } from './search.response';

@ApiTags('search')
@Controller('search')
export class SearchController {
  private readonly postalCodes: PostalCodeDirectory;

  constructor(
    @Inject(CATALOGUE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly config: CatalogueConfig,
  ) {
    this.postalCodes = new PostalCodeDirectory(dataSource, CATALOGUE_SCHEMA);
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Öffentliche Suche nach Terminen / public search for course dates (text, radius, filters, facets)',
    description:
      'Sammelt höchstens SEARCH_COUNT_CAP Treffer (Standard 1000): darüber ist `total` eine Untergrenze und die Facetten sind Schätzwerte ' +
      '(`facetsEstimated`); `relevance` ordnet die nächstgelegenen Treffer (mit Ort) bzw. die frühesten (ohne). / ' +
      'Gathers at most SEARCH_COUNT_CAP hits (default 1,000): beyond, `total` is a lower bound and facets are estimates; ' +
      '`relevance` ranks the nearest hits (with a place) or the soonest (without).',
  })
  @ApiOkResponse({ type: SearchResultView })
  async search(@Query() query: SearchQuery): Promise<SearchResult> {
    return runSearch(this.dataSource, await this.criteria(query), skillsMatchingWords);
  }

  private async criteria(query: SearchQuery): Promise<SearchCriteria> {
    if ((query.lat === undefined) !== (query.lon === undefined)) {
      throw invalid('search.point-incomplete', 'lat und lon gehören zusammen / lat and lon go together', [{ field: query.lat === undefined ? 'lat' : 'lon', in: 'query', detail: 'give both lat and lon' }]);
    }
    let point = query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : undefined;
    if (query.postalCode && !point) {
      const place = await this.postalCodes.lookup(query.postalCode);
      if (!place) throw invalid('search.unknown-postal-code', 'Postleitzahl nicht gefunden / postal code not found', [{ field: 'postalCode', in: 'query', detail: `unknown postal code ${query.postalCode}` }]);
      point = place.location;
    }
    if (query.radiusKm && query.radiusKm > this.config.SEARCH_MAX_RADIUS_KM) {
      throw invalid('search.radius-too-large', 'Umkreis zu groß / radius too large', [{ field: 'radiusKm', in: 'query', detail: `at most ${this.config.SEARCH_MAX_RADIUS_KM} km` }]);
    }
    const criteria: SearchCriteria = {
      ...(query.q ? { text: query.q } : {}),
      ...(point ? { point, radiusKm: query.radiusKm ?? 50 } : {}),
      formats: query.format,
      schedules: query.schedule,
      from: query.from,
      to: query.to,
      freeSeats: query.freeSeats,
      maxPriceCents: query.maxPriceCents,
      azav: query.azav,
      programme: query.programme,
      targetGroup: query.targetGroup,
      dqrLevel: query.dqrLevel,
      language: query.language,
      providerId: query.providerId,
      sort: query.sort ?? 'relevance',
      limit: query.limit ?? 20,
      facets: query.facets ?? true,
      today: today(),
      countCap: this.config.SEARCH_COUNT_CAP,
    };
    if (query.cursor) {
      const sort = effectiveSort(criteria, !!criteria.text && searchWords(criteria.text).length > 0);
      criteria.after = sort === 'start' ? decodeCursor(query.cursor, 'string', /^\d{4}-\d{2}-\d{2}$/) : decodeCursor(query.cursor, 'number');
    }
    return criteria;
  }
}
