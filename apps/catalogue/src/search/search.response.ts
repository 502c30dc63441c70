import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchHit, SearchResult } from './search-engine';

/** OpenAPI shape of one hit (a course date with its offer's fields); the engine builds it. */
class SearchHitView implements SearchHit {
  @ApiProperty({ format: 'uuid' }) dateId!: string;
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty() schedule!: string;
  @ApiProperty() online!: boolean;
  @ApiProperty({ nullable: true, type: String }) districtKey!: string | null;
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) city!: string | null;
  @ApiProperty() seatsFree!: number;
  @ApiProperty() minParticipants!: number;
  @ApiProperty() maxParticipants!: number;
  @ApiProperty() priceCents!: number;
  @ApiProperty() hours!: number;
  @ApiProperty() azavApproved!: boolean;
  @ApiProperty({ type: [String] }) formats!: string[];
  @ApiProperty({ type: [String] }) targetGroups!: string[];
  @ApiProperty({ nullable: true, type: Number }) dqrLevel!: number | null;
  @ApiProperty() language!: string;
  @ApiProperty({ type: [String] }) programmeIds!: string[];
  @ApiPropertyOptional({ description: 'km vom Suchpunkt (nicht bei Online-Terminen) / km from the searched point (not for online dates)' }) distanceKm?: number;
  @ApiPropertyOptional({ description: 'Textrelevanz (ts_rank_cd) / text relevance' }) relevance?: number;
}

/** OpenAPI shape of `GET /search`: a page of hits, capped counts and facets. */
export class SearchResultView implements SearchResult {
  @ApiPropertyOptional({
    description:
      'Treffer, gezählt bis zur Obergrenze (SEARCH_COUNT_CAP, Standard 1000); nur auf der ersten Seite. / ' +
      'Hits, counted up to the cap (SEARCH_COUNT_CAP, default 1,000); first page only.',
  })
  total?: number;
  @ApiPropertyOptional({ description: 'Mehr Treffer als `total` („1.000+“) / there are more hits than `total` ("1,000+")' })
  totalIsLowerBound?: boolean;
  @ApiProperty({ type: [SearchHitView] }) items!: SearchHitView[];
  @ApiPropertyOptional({
    description:
      'Facettenzahlen je Facette (format, schedule, language, dqrLevel, targetGroup, azav, online) und Wert. / ' +
      'Counts per facet and value, over at most the capped hits.',
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
  })
  facets?: Record<string, Record<string, number>>;
  @ApiPropertyOptional({
    description:
      'true: Facetten über die ersten `total` Treffer gezählt – Schätzwerte, keine genauen Zahlen. / ' +
      'true: facets counted over the first `total` hits only – estimates, not exact counts.',
  })
  facetsEstimated?: boolean;
  @ApiPropertyOptional({ description: 'Cursor der nächsten Seite / cursor of the next page' }) nextCursor?: string;
}
