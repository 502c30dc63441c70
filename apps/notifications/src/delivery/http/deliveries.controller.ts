import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, NotFoundProblem, Principal, Roles } from '@bildungsraum/platform';
import { NOTIFICATIONS_DATA_SOURCE } from '../../db/notifications-data-source';
import { assertActsFor } from '../../shared/access';
import { returnedRows } from '../../shared/returned-rows';
import { DELIVERY_NOTIFY_CHANNEL } from '../infra/record-deliveries';

export class DeliveryListQuery {
  @IsOptional() @IsIn(['pending', 'sending', 'succeeded', 'failed']) status?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

const COLUMNS = `d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.subscription_id AS "subscriptionId", d.channel_id AS "channelId",
  d.channel_kind AS "channelKind", d.partner_id AS "partnerId", d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
  d.last_status_code AS "lastStatusCode", d.last_error AS "lastError", d.created_at AS "createdAt", d.finished_at AS "finishedAt",
  COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'startedAt', a.started_at, 'latencyMs', a.latency_ms, 'outcome', a.outcome, 'statusCode', a.status_code, 'error', a.error) ORDER BY a.attempt)
            FROM delivery_attempt a WHERE a.delivery_id = d.id), '[]') AS "attemptLog"`;

/** The delivery log: every attempt with status, latency and response code; redelivery on request. */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller()
export class DeliveriesController {
  constructor(@Inject(NOTIFICATIONS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get('organisations/:partnerId/deliveries')
  @ApiOperation({ summary: 'Zustellungen der Organisation (neueste zuerst) / the organisation’s deliveries (newest first)' })
  list(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Query() query: DeliveryListQuery): Promise<unknown[]> {
    assertActsFor(principal, partnerId);
    return this.dataSource.query(`SELECT ${COLUMNS} FROM delivery d WHERE d.partner_id = $1 AND ($2::text IS NULL OR d.status = $2) ORDER BY d.created_at DESC, d.id LIMIT $3`, [
      partnerId,
      query.status ?? null,
      query.limit ?? 100,
    ]);
  }

  @Get('deliveries')
  @Roles('operator')
  @ApiOperation({ summary: 'Alle Zustellungen (Betrieb) / all deliveries (operators)' })
  listAll(@Query() query: DeliveryListQuery): Promise<unknown[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM delivery d WHERE ($1::text IS NULL OR d.status = $1) ORDER BY d.created_at DESC, d.id LIMIT $2`, [query.status ?? null, query.limit ?? 100]);
  }

  @Post('organisations/:partnerId/deliveries/:deliveryId/redeliver')
  @ApiOperation({ summary: 'Erneut zustellen (gleiche webhook-id / Message-ID) / redeliver (same webhook-id / Message-ID)' })
  async redeliver(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Param('deliveryId', new ParseUUIDPipe()) id: string): Promise<unknown> {
    assertActsFor(principal, partnerId);
    const rows = returnedRows(await this.dataSource.query(
      `UPDATE delivery SET status = 'pending', next_attempt_at = now(), finished_at = NULL WHERE id = $1 AND partner_id = $2 AND status IN ('succeeded', 'failed') RETURNING id`,
      [id, partnerId],
    ));
    if (!rows?.length) throw new NotFoundProblem('Keine abgeschlossene Zustellung mit dieser Id / no finished delivery with this id');
    await this.dataSource.query(`SELECT pg_notify($1, '')`, [DELIVERY_NOTIFY_CHANNEL]);
    return { id, status: 'pending' };
  }
}
