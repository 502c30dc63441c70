import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { COURSE_DAY_PATTERN, COURSE_SCHEDULES, IsPostalCode, OFFER_FORMATS, OFFER_TARGET_GROUPS } from '@bildungsraum/contracts';
import { SEARCH_SORTS, SearchSort } from './search-criteria';

const list = () => Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value));
const bool = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Query of the public search (`GET /search`). */
export class SearchQuery {
  @ApiPropertyOptional({ description: 'Suchbegriffe (deutsche Volltextsuche, tippfehlertolerant) / search words', example: 'Gabelstapler' })
  @IsOptional() @IsString() @Length(1, 200) q?: string;
  @ApiPropertyOptional({ description: 'Umkreis um diese Postleitzahl / radius around this postal code', example: '34497' })
  @IsOptional() @IsPostalCode() postalCode?: string;
  @ApiPropertyOptional({ description: 'Breitengrad (statt PLZ) / latitude' }) @IsOptional() @Type(() => Number) @IsLatitude() lat?: number;
  @ApiPropertyOptional({ description: 'Längengrad (statt PLZ) / longitude' }) @IsOptional() @Type(() => Number) @IsLongitude() lon?: number;
  @ApiPropertyOptional({ description: 'Umkreis in km (Standard 50, Online-Termine immer) / radius in km (online dates always match)', default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) radiusKm?: number;
  @ApiPropertyOptional({ description: `Formate, kommagetrennt: ${OFFER_FORMATS.join(', ')}` })
  @IsOptional() @list() @ArrayMaxSize(5) @IsIn(OFFER_FORMATS, { each: true }) format?: string[];
  @ApiPropertyOptional({ description: `Zeitmodell, kommagetrennt: ${COURSE_SCHEDULES.join(', ')}` })
  @IsOptional() @list() @ArrayMaxSize(5) @IsIn(COURSE_SCHEDULES, { each: true }) schedule?: string[];
  @ApiPropertyOptional({ description: 'Beginn frühestens (YYYY-MM-DD) / starts on or after' }) @IsOptional() @Matches(COURSE_DAY_PATTERN, { message: 'from must be YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ description: 'Beginn spätestens (YYYY-MM-DD) / starts on or before' }) @IsOptional() @Matches(COURSE_DAY_PATTERN, { message: 'to must be YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ description: 'Mindestens so viele freie Plätze / at least this many free seats' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) freeSeats?: number;
  @ApiPropertyOptional({ description: 'Höchstpreis in Cent / maximum price in cents' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000_000) maxPriceCents?: number;
  @ApiPropertyOptional({ description: 'Nur AZAV-zugelassen / AZAV-approved only' }) @IsOptional() @bool() @IsBoolean() azav?: boolean;
  @ApiPropertyOptional({ description: 'Förderprogramm (ID) / funding programme id', example: 'sgb3-82' }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/) programme?: string;
  @ApiPropertyOptional({ enum: OFFER_TARGET_GROUPS }) @IsOptional() @IsIn(OFFER_TARGET_GROUPS) targetGroup?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 8 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(8) dqrLevel?: number;
  @ApiPropertyOptional({ example: 'de' }) @IsOptional() @Matches(/^[a-z]{2}$/) language?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'relevance' }) @IsOptional() @IsIn(SEARCH_SORTS) sort?: SearchSort;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ description: 'Opaker Cursor aus `nextCursor` / opaque cursor' }) @IsOptional() @IsString() @Length(1, 500) cursor?: string;
  @ApiPropertyOptional({ description: 'Facettenzahlen liefern / return facet counts', default: true }) @IsOptional() @bool() @IsBoolean() facets?: boolean;
}
