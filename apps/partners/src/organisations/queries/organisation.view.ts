import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_KINDS, PARTNER_STATUSES, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { ContactPerson } from '../domain/contact-person';
import { Organisation } from '../domain/organisation';

export class ContactPersonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() phone?: string;
}

/** What the API returns for an organisation: the public snapshot plus what only insiders see. */
export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Version, +1 je Änderung / +1 per change' }) version!: number;
  @ApiProperty({ enum: PARTNER_KINDS }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTNER_STATUSES }) status!: string;
  @ApiPropertyOptional({ description: '{ employees, sizeClass, sector? }' }) company?: PartnerSnapshotV1['company'];
  @ApiPropertyOptional({ description: '{ azavApproved, azavValidUntil? }' }) provider?: PartnerSnapshotV1['provider'];
  @ApiProperty({ description: 'Standorte mit Koordinaten und Landkreis / sites with coordinates and district' }) sites!: PartnerSnapshotV1['sites'];
  @ApiProperty({ type: [String] }) districtKeys!: string[];
  @ApiProperty({ type: [String] }) networkIds!: string[];
  @ApiPropertyOptional() rejectionReason?: string;
  @ApiPropertyOptional() deactivationReasonCode?: string;
  @ApiPropertyOptional({ type: [ContactPersonView] }) contacts?: ContactPersonView[];
}

export function toOrganisationView(organisation: Organisation, options: { withContacts: boolean }): OrganisationView {
  const state = organisation.toState();
  return {
    ...organisation.snapshot(),
    ...(state.rejectionReason ? { rejectionReason: state.rejectionReason } : {}),
    ...(state.deactivationReasonCode ? { deactivationReasonCode: state.deactivationReasonCode } : {}),
    ...(options.withContacts ? { contacts: state.contacts.map((contact: ContactPerson) => ({ ...contact })) } : {}),
  };
}
