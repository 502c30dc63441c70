import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CurrentPrincipal, NotFoundProblem, Principal } from '@bildungsraum/platform';
import { NOTIFICATIONS_DATA_SOURCE } from '../../db/notifications-data-source';
import { ChannelRow } from '../../delivery/infra/delivery-store';
import { NotificationsConfig } from '../../notifications.config';
import { directory } from '../../recipients/infra/directory.repository';
import { assertActsFor } from '../../shared/access';
import { returnedRows } from '../../shared/returned-rows';
import { defaultEventTypes } from '../../subscriptions/domain/event-types';
import { newWebhookSecret } from '../domain/webhook-secret';
import { channelView, ChannelView } from '../infra/channel-views';
import { assertDeliverableWebhookUrl } from '../infra/resolve-webhook-host';
import { EmailChannelRequest, WebhookChannelRequest } from './channel.requests';

type Row = ChannelRow & { disabled_reason: string | null; created_at: Date };

/** Email addresses and webhook endpoints of an organisation: registered here, never carried in events. */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('organisations/:partnerId/channels')
export class ChannelsController {
  constructor(
    @Inject(NOTIFICATIONS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
  ) {}

  @Post('email')
  @HttpCode(201)
  @ApiOperation({ summary: 'E-Mail-Adresse registrieren / register an email address' })
  addEmail(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Body() request: EmailChannelRequest): Promise<ChannelView> {
    assertActsFor(principal, partnerId);
    return this.create(partnerId, 'email', request.address, null, request.language, request.defaultSubscription);
  }

  @Post('webhooks')
  @HttpCode(201)
  @ApiOperation({ summary: 'Webhook-Endpunkt registrieren (Antwort enthält das whsec_-Geheimnis einmalig) / register a webhook endpoint (the response holds its whsec_ secret once)' })
  async addWebhook(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Body() request: WebhookChannelRequest): Promise<ChannelView> {
    assertActsFor(principal, partnerId);
    await assertDeliverableWebhookUrl(request.url, this.config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES);
    return this.create(partnerId, 'webhook', request.url, newWebhookSecret(), request.language, request.defaultSubscription);
  }

  @Get()
  @ApiOperation({ summary: 'Kanäle der Organisation / the organisation’s channels' })
  async list(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string): Promise<ChannelView[]> {
    assertActsFor(principal, partnerId);
    const rows = (await this.dataSource.query(`SELECT * FROM channel WHERE partner_id = $1 ORDER BY created_at, id`, [partnerId])) as Row[];
    return rows.map((row) => channelView(row));
  }

  @Delete(':channelId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Kanal löschen (Adresse/URL und Geheimnis werden gelöscht) / erase a channel' })
  async erase(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Param('channelId', new ParseUUIDPipe()) channelId: string): Promise<void> {
    assertActsFor(principal, partnerId);
    const rows = returnedRows(await this.dataSource.query(`DELETE FROM channel WHERE id = $1 AND partner_id = $2 RETURNING id`, [channelId, partnerId]));
    if (!rows.length) throw new NotFoundProblem('Kanal nicht gefunden / channel not found');
  }

  @Post(':channelId/rotate-secret')
  @ApiOperation({ summary: 'Webhook-Geheimnis erneuern; das alte signiert noch eine Weile mit / rotate the webhook secret; the old one keeps signing for a while' })
  async rotate(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Param('channelId', new ParseUUIDPipe()) channelId: string): Promise<ChannelView> {
    assertActsFor(principal, partnerId);
    const rows = returnedRows<Row>(await this.dataSource.query(
      `UPDATE channel SET previous_secret = secret, previous_secret_until = now() + ($4::bigint * interval '1 millisecond'), secret = $3
        WHERE id = $1 AND partner_id = $2 AND kind = 'webhook' RETURNING *`,
      [channelId, partnerId, newWebhookSecret(), this.config.SECRET_ROTATION_GRACE_MS],
    ));
    if (!rows?.length) throw new NotFoundProblem('Webhook nicht gefunden / webhook not found');
    return channelView(rows[0], true);
  }

  @Post(':channelId/enable')
  @ApiOperation({ summary: 'Deaktivierten Kanal wieder aktivieren / re-enable a disabled channel' })
  async enable(@CurrentPrincipal() principal: Principal, @Param('partnerId', new ParseUUIDPipe()) partnerId: string, @Param('channelId', new ParseUUIDPipe()) channelId: string): Promise<ChannelView> {
    assertActsFor(principal, partnerId);
    const rows = returnedRows<Row>(await this.dataSource.query(
      `UPDATE channel SET status = 'active', disabled_reason = NULL, failing_since = NULL WHERE id = $1 AND partner_id = $2 RETURNING *`,
      [channelId, partnerId],
    ));
    if (!rows?.length) throw new NotFoundProblem('Kanal nicht gefunden / channel not found');
    return channelView(rows[0]);
  }

  private create(partnerId: string, kind: 'email' | 'webhook', address: string, secret: string | null, language: 'de' | 'en' = 'de', subscribe = true): Promise<ChannelView> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const [row] = (await manager.query(`INSERT INTO channel (id, partner_id, kind, address, secret) VALUES ($1, $2, $3, $4, $5) RETURNING *`, [randomUUID(), partnerId, kind, address, secret])) as Row[];
      if (subscribe) {
        const { kind: partnerKind, coordinates } = await directory.kindOf(manager, partnerId);
        await manager.query(`INSERT INTO subscription (id, partner_id, channel_id, event_types, mode, language) VALUES ($1, $2, $3, $4, 'immediate', $5)`, [
          randomUUID(),
          partnerId,
          row.id,
          defaultEventTypes(partnerKind, coordinates),
          language,
        ]);
      }
      return channelView(row, true);
    });
  }
}
