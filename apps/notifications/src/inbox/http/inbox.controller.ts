import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, NotFoundProblem, Principal } from '@bildungsraum/platform';
import { NOTIFICATIONS_DATA_SOURCE } from '../../db/notifications-data-source';
import { assertActsFor } from '../../shared/access';
import { returnedRows } from '../../shared/returned-rows';

export class InboxQuery {
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread?: boolean;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

const COLUMNS = `id, event_id AS "eventId", event_type AS "eventType", title_de AS "titleDe", title_en AS "titleEn", body_de AS "bodyDe", body_en AS "bodyEn", created_at AS "createdAt", read_at AS "readAt"`;

/** The in-app inbox of an organisation. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('organisations/:partnerId/inbox')
export class InboxController {
  constructor(@Inject(NOTIFICATIONS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Posteingang (neueste zuerst) / inbox (newest first)' })
  list(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Query() query: InboxQuery): Promise<unknown[]> {
    assertActsFor(principal, partnerId);
    return this.dataSource.query(`SELECT ${COLUMNS} FROM inbox_item WHERE partner_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT $3`, [partnerId, query.unread ?? false, query.limit ?? 50]);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'Anzahl ungelesener Nachrichten / unread count' })
  async unread(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string): Promise<{ unread: number }> {
    assertActsFor(principal, partnerId);
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS unread FROM inbox_item WHERE partner_id = $1 AND read_at IS NULL`, [partnerId])) as Array<{ unread: number }>;
    return { unread: row.unread };
  }

  @Post(':itemId/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Als gelesen markieren / mark read' })
  async markRead(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Param('itemId', new ParseUUIDPipe()) id: string): Promise<void> {
    assertActsFor(principal, partnerId);
    const rows = returnedRows(await this.dataSource.query(`UPDATE inbox_item SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND partner_id = $2 RETURNING id`, [id, partnerId]));
    if (!rows?.length) throw new NotFoundProblem('Nachricht nicht gefunden / message not found');
  }
}
