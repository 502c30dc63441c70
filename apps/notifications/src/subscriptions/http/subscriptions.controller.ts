import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { assertAllowed, CurrentPrincipal, isOperator, NotFoundProblem, Principal, UnprocessableProblem } from '@bildungsraum/platform';
import { NOTIFICATIONS_DATA_SOURCE } from '../../db/notifications-data-source';
import { assertActsFor } from '../../shared/access';
import { returnedRows } from '../../shared/returned-rows';
import { EVENT_TYPE_PATTERN } from '../domain/event-types';

export class SubscriptionRequest {
  @IsUUID() channelId!: string;

  /** Exact types (`matching.match.proposed.v1`), prefixes (`matching.match.*`) or `*`. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'eventTypes: Ereignistyp wie matching.match.proposed.v1 oder matching.match.* / event type like matching.match.proposed.v1 or matching.match.*' })
  eventTypes!: string[];

  @IsOptional() @IsIn(['immediate', 'digest']) mode?: 'immediate' | 'digest';
  @IsOptional() @IsIn(['de', 'en']) language?: 'de' | 'en';
  /** `concerned` (default): events that concern the organisation; `all`: every event of the types (downstream systems, operators only). */
  @IsOptional() @IsIn(['concerned', 'all']) scope?: 'concerned' | 'all';
}

interface SubscriptionRow {
  id: string;
  partner_id: string;
  channel_id: string;
  event_types: string[];
  mode: string;
  language: string;
  scope: string;
  created_at: Date;
}

const view = (row: SubscriptionRow) => ({
  id: row.id,
  partnerId: row.partner_id,
  channelId: row.channel_id,
  eventTypes: row.event_types,
  mode: row.mode,
  language: row.language,
  scope: row.scope,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Which event types go to which channel, immediately or as a daily digest, in German or English. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('organisations/:partnerId/subscriptions')
export class SubscriptionsController {
  constructor(@Inject(NOTIFICATIONS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Abonnement anlegen / create a subscription' })
  async create(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Body() request: SubscriptionRequest): Promise<ReturnType<typeof view>> {
    assertActsFor(principal, partnerId);
    assertAllowed(request.scope !== 'all' || isOperator(principal), 'Nur Betreiber dürfen alle Ereignisse abonnieren / only operators may subscribe to all events');
    const channel = (await this.dataSource.query(`SELECT 1 FROM channel WHERE id = $1 AND partner_id = $2`, [request.channelId, partnerId])) as unknown[];
    if (!channel.length) throw new UnprocessableProblem('channelId: kein Kanal dieser Organisation / not a channel of this organisation', { code: 'unknown_channel' });
    const [row] = (await this.dataSource.query(
      `INSERT INTO subscription (id, partner_id, channel_id, event_types, mode, language, scope) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [randomUUID(), partnerId, request.channelId, request.eventTypes, request.mode ?? 'immediate', request.language ?? 'de', request.scope ?? 'concerned'],
    )) as SubscriptionRow[];
    return view(row);
  }

  @Get()
  @ApiOperation({ summary: 'Abonnements / subscriptions' })
  async list(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string): Promise<Array<ReturnType<typeof view>>> {
    assertActsFor(principal, partnerId);
    const rows = (await this.dataSource.query(`SELECT * FROM subscription WHERE partner_id = $1 ORDER BY created_at, id`, [partnerId])) as SubscriptionRow[];
    return rows.map(view);
  }

  @Delete(':subscriptionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Abonnement beenden / delete a subscription' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Param('subscriptionId', new ParseUUIDPipe()) id: string): Promise<void> {
    assertActsFor(principal, partnerId);
    const rows = returnedRows(await this.dataSource.query(`DELETE FROM subscription WHERE id = $1 AND partner_id = $2 RETURNING id`, [id, partnerId]));
    if (!rows.length) throw new NotFoundProblem('Abonnement nicht gefunden / subscription not found');
  }
}
