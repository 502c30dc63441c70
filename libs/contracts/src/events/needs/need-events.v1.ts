import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../event-definition';
import { NeedSnapshotV1 } from './need-snapshot.v1';

export class NeedSubmittedV1 extends NeedSnapshotV1 {}

/** `content`: the company changed the need; `status`: matching moved it (matched / pooled / back to submitted). */
export class NeedUpdatedV1 extends NeedSnapshotV1 {
  @IsIn(['content', 'status']) changeKind!: 'content' | 'status';
}

export const NEED_WITHDRAWAL_REASONS = ['requested', 'company_deactivated'] as const;
export type NeedWithdrawalReason = (typeof NEED_WITHDRAWAL_REASONS)[number];

export class NeedWithdrawnV1 extends NeedSnapshotV1 {
  @IsIn(NEED_WITHDRAWAL_REASONS) reasonCode!: NeedWithdrawalReason;
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

export class NeedFulfilledV1 extends NeedSnapshotV1 {
  /** The confirmed match that fulfilled the need. */
  @IsUUID() matchId!: string;
}

export class NeedExpiredV1 extends NeedSnapshotV1 {}

const needEvent = <T extends object>(event: string, payload: new () => T, summary: string) =>
  defineEvent({ type: `needs.need.${event}.v1`, service: 'needs', aggregate: 'need', payload, summary });

export const NeedSubmitted = needEvent('submitted', NeedSubmittedV1, 'Qualifizierungsbedarf eingereicht / qualification need submitted');
export const NeedUpdated = needEvent('updated', NeedUpdatedV1, 'Bedarf geändert (Inhalt oder Status nach Matching) / need changed (content, or status after matching)');
export const NeedWithdrawn = needEvent('withdrawn', NeedWithdrawnV1, 'Bedarf zurückgezogen (vom Unternehmen oder bei Deaktivierung) / need withdrawn');
export const NeedFulfilled = needEvent('fulfilled', NeedFulfilledV1, 'Bedarf erfüllt (Teilnahme bestätigt) / need fulfilled (participation confirmed)');
export const NeedExpired = needEvent('expired', NeedExpiredV1, 'Bedarf abgelaufen (spätestes Ende überschritten) / need expired (latest end passed)');
