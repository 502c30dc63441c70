import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { OFFER_STATUSES, OfferStatus } from '@bildungsraum/contracts';
import { CurrentPrincipal, ForbiddenProblem, OptionalPrincipal, Principal, Public, Roles } from '@bildungsraum/platform';
import { rowsOf } from '@bildungsraum/reference-data';
import { CatalogueStore } from '../../shared/infra/catalogue-store';
import { notFound } from '../../shared/domain/catalogue-errors';
import { decodeCursor, encodeCursor } from '../../shared/infra/keyset-cursor';
import { mayRead } from '../domain/offer-access';
import { OfferState, today } from '../domain/offer-model';
import { offerRepository } from '../infra/offer.repository';
import { offerJsonLd } from './offer-jsonld';
import { offerView, OfferView } from './offer.view';

export class ListOffersQuery {
  @ApiPropertyOptional({ description: 'Bildungsträger (nur Betrieb) / provider (operators only)', format: 'uuid' }) @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional({ enum: OFFER_STATUSES }) @IsOptional() @IsIn(OFFER_STATUSES) status?: OfferStatus;
  @ApiPropertyOptional({ description: 'Nur veraltete (letzter Termin vorbei) / only stale offers' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() stale?: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Opaker Cursor aus `nextCursor` / opaque cursor' }) @IsOptional() @IsString() @Length(1, 1000) cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('offers')
@Controller('offers')
export class OffersQueryController {
  constructor(private readonly store: CatalogueStore) {}

  @Get()
  @Roles('provider', 'operator')
  @ApiOperation({ summary: 'Eigene Angebote (Betrieb: alle), mit Kennzeichen „veraltet“ / own offers (operators: all), flagged stale' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListOffersQuery): Promise<{ items: OfferView[]; nextCursor?: string }> {
    const operator = principal.roles.includes('operator');
    if (!operator && !UUID.test(principal.partnerId)) throw new ForbiddenProblem();
    const providerId = operator ? query.providerId : principal.partnerId;
    if (!operator && query.providerId && query.providerId !== principal.partnerId) throw new ForbiddenProblem('Nur eigene Angebote / own offers only');
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor<string>(query.cursor, 'string') : undefined;
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (providerId) conditions.push(`provider_id = ${param(providerId)}`);
    if (query.status) conditions.push(`status = ${param(query.status)}`);
    if (query.stale !== undefined) {
      const stale = `(status = 'published' AND (last_end_date IS NULL OR last_end_date < ${param(today())}::date))`;
      conditions.push(query.stale ? stale : `NOT ${stale}`);
    }
    if (after) conditions.push(`(title COLLATE "C", id) > (${param(after.value)}::text COLLATE "C", ${param(after.id)}::uuid)`);
    const rows = rowsOf(
      await this.store.dataSource.query(
        `SELECT doc FROM offer ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY title COLLATE "C", id LIMIT ${limit + 1}`,
        params,
      ),
    );
    const items = rows.slice(0, limit).map((row) => offerView(row.doc as OfferState));
    const last = items[items.length - 1];
    return { items, ...(rows.length > limit && last ? { nextCursor: encodeCursor(last.title, last.id) } : {}) };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Ein Angebot (veröffentlicht: öffentlich) / one offer (published: public)' })
  async get(@OptionalPrincipal() principal: Principal | undefined, @Param('id', new ParseUUIDPipe()) id: string): Promise<OfferView> {
    return offerView(await this.visible(principal, id));
  }

  @Get(':id/jsonld')
  @Public()
  @ApiOperation({ summary: 'schema.org Course/CourseInstance (JSON-LD)' })
  async jsonLd(@OptionalPrincipal() principal: Principal | undefined, @Param('id', new ParseUUIDPipe()) id: string): Promise<Record<string, unknown>> {
    return offerJsonLd(await this.visible(principal, id));
  }

  private async visible(principal: Principal | undefined, id: string): Promise<OfferState> {
    if (!UUID.test(id)) throw notFound('offer');
    const offer = await offerRepository.load(this.store.dataSource.manager, id);
    if (!offer || !mayRead(principal, offer.snapshot)) throw notFound('offer');
    return offer.snapshot;
  }
}
