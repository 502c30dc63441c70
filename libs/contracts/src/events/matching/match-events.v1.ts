import { IsOptional, IsString, Length } from 'class-validator';
import { defineEvent } from '../event-definition';
import { MatchSnapshotV1 } from './match-snapshot.v1';

export class MatchProposedV1 extends MatchSnapshotV1 {}
export class MatchAcceptedV1 extends MatchSnapshotV1 {}
export class MatchConfirmedV1 extends MatchSnapshotV1 {}

export class MatchDeclinedV1 extends MatchSnapshotV1 {
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
export class MatchRejectedV1 extends MatchSnapshotV1 {
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
export class MatchWithdrawnV1 extends MatchSnapshotV1 {
  /** Why matching retracted the proposal: offer withdrawn, date passed, seats gone, need changed… */
  @IsString() @Length(1, 200) reasonCode!: string;
}

const matchEvent = <T extends object>(event: string, payload: new () => T, summary: string) =>
  defineEvent({ type: `matching.match.${event}.v1`, service: 'matching', aggregate: 'match', payload, summary });

export const MatchProposed = matchEvent('proposed', MatchProposedV1, 'Passender Termin für einen Bedarf vorgeschlagen / course date proposed for a need');
export const MatchAccepted = matchEvent('accepted', MatchAcceptedV1, 'Vorschlag vom Unternehmen angenommen / proposal accepted by the company');
export const MatchDeclined = matchEvent('declined', MatchDeclinedV1, 'Vorschlag vom Unternehmen abgelehnt / proposal declined by the company');
export const MatchConfirmed = matchEvent('confirmed', MatchConfirmedV1, 'Teilnahme vom Bildungsträger bestätigt, Plätze gebucht / participation confirmed by the provider, seats held');
export const MatchRejected = matchEvent('rejected', MatchRejectedV1, 'Teilnahme vom Bildungsträger abgelehnt / participation rejected by the provider');
export const MatchWithdrawn = matchEvent('withdrawn', MatchWithdrawnV1, 'Vorschlag zurückgezogen (Angebot, Termin oder Plätze entfallen) / proposal retracted');
