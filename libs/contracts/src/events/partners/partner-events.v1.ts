import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { defineEvent } from '../event-definition';
import { PartnerSnapshotV1 } from './partner-snapshot.v1';

export class PartnerRegisteredV1 extends PartnerSnapshotV1 {}
export class PartnerUpdatedV1 extends PartnerSnapshotV1 {}

export class PartnerVerifiedV1 extends PartnerSnapshotV1 {}

export class PartnerRejectedV1 extends PartnerSnapshotV1 {
  /** Why the registration was rejected, for the organisation and auditors. */
  @IsString() @Length(1, 2000) reason!: string;
}

export const DEACTIVATION_REASONS = ['requested', 'ceased_trading', 'duplicate', 'policy'] as const;

export class PartnerDeactivatedV1 extends PartnerSnapshotV1 {
  @IsIn(DEACTIVATION_REASONS) reasonCode!: (typeof DEACTIVATION_REASONS)[number];
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

export const PartnerRegistered = defineEvent({
  type: 'partners.partner.registered.v1',
  service: 'partners',
  aggregate: 'partner',
  payload: PartnerRegisteredV1,
  summary: 'Organisation registriert (noch nicht geprüft) / organisation registered (pending verification)',
});

export const PartnerUpdated = defineEvent({
  type: 'partners.partner.updated.v1',
  service: 'partners',
  aggregate: 'partner',
  payload: PartnerUpdatedV1,
  summary: 'Stammdaten einer Organisation geändert / organisation details changed',
});

export const PartnerVerified = defineEvent({
  type: 'partners.partner.verified.v1',
  service: 'partners',
  aggregate: 'partner',
  payload: PartnerVerifiedV1,
  summary: 'Organisation geprüft und freigeschaltet / organisation verified',
});

export const PartnerRejected = defineEvent({
  type: 'partners.partner.rejected.v1',
  service: 'partners',
  aggregate: 'partner',
  payload: PartnerRejectedV1,
  summary: 'Registrierung abgelehnt, mit Begründung / registration rejected, with reason',
});

export const PartnerDeactivated = defineEvent({
  type: 'partners.partner.deactivated.v1',
  service: 'partners',
  aggregate: 'partner',
  payload: PartnerDeactivatedV1,
  summary: 'Organisation deaktiviert / organisation deactivated',
});
