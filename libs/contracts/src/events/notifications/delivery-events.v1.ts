import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineEvent } from '../event-definition';

export const NOTIFICATION_CHANNEL_KINDS = ['email', 'webhook'] as const;
export type NotificationChannelKind = (typeof NOTIFICATION_CHANNEL_KINDS)[number];

/**
 * The outcome of one delivery: one (event, subscription) pair — the payload of
 * `delivery.failed.v1`, and each entry of `delivery.succeeded.v2` (which replaced the
 * per-delivery `delivery.succeeded.v1`, ADR 0007). No personal data: the email
 * address or webhook URL stays in the notifications service, where it can be erased.
 */
export class DeliveryOutcomeV1 {
  /** Stable across retries; the webhook-id / Message-ID the receiver saw. */
  @IsUUID() deliveryId!: string;
  /** The event that was delivered. */
  @IsUUID() eventId!: string;
  @IsString() @Length(1, 200) eventType!: string;
  @IsUUID() subscriptionId!: string;
  @IsUUID() channelId!: string;
  @IsIn(NOTIFICATION_CHANNEL_KINDS) channelKind!: NotificationChannelKind;
  /** The organisation that owns the channel. */
  @IsUUID() partnerId!: string;
  /** Attempts made so far, this one included. */
  @IsInt() @Min(1) attempts!: number;
  /** HTTP status of the last attempt (webhooks), or the SMTP reply code (email). */
  @IsOptional() @IsInt() @Min(0) statusCode?: number;
  /** Event recorded → this attempt's outcome, in milliseconds. */
  @IsOptional() @IsInt() @Min(0) latencyMs?: number;
}

export class DeliveryFailedV1 extends DeliveryOutcomeV1 {
  /** `retries_exhausted`, `endpoint_gone` (410), `endpoint_disabled`, `channel_erased`. */
  @IsString() @Length(1, 100) reasonCode!: string;
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

export const DeliveryFailed = defineEvent({
  type: 'notifications.delivery.failed.v1',
  service: 'notifications',
  aggregate: 'delivery',
  payload: DeliveryFailedV1,
  summary: 'Benachrichtigung endgültig nicht zustellbar (Wiederholungen erschöpft, 410, Endpunkt deaktiviert) / notification finally undeliverable',
});
