import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-definition';

export const NETWORK_MEMBER_ROLES = ['member', 'coordinator'] as const;
export type NetworkMemberRole = (typeof NETWORK_MEMBER_ROLES)[number];

export class NetworkMemberV1 {
  @IsUUID() partnerId!: string;
  /** `coordinator`: the organisation's coordinators (Bildungscoaches) act for this network. */
  @IsIn(NETWORK_MEMBER_ROLES) role!: NetworkMemberRole;
}

/** A Weiterbildungsverbund / Qualifizierungsnetzwerk, possibly across state borders. */
export class NetworkSnapshotV1 {
  @IsUUID() id!: string;
  @IsInt() @Min(1) version!: number;
  @IsString() @Length(1, 300) name!: string;
  @IsOptional() @IsString() @Length(0, 4000) description?: string;
  @IsArray() @ArrayUnique() @Matches(/^\d{5}$/, { each: true }) districtKeys!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => NetworkMemberV1) members!: NetworkMemberV1[];
}

export class NetworkCreatedV1 extends NetworkSnapshotV1 {}
export class NetworkUpdatedV1 extends NetworkSnapshotV1 {}

export const NetworkCreated = defineEvent({
  type: 'partners.network.created.v1',
  service: 'partners',
  aggregate: 'network',
  payload: NetworkCreatedV1,
  summary: 'Verbund angelegt / network created',
});

export const NetworkUpdated = defineEvent({
  type: 'partners.network.updated.v1',
  service: 'partners',
  aggregate: 'network',
  payload: NetworkUpdatedV1,
  summary: 'Verbund geändert (Name, Landkreise, Mitglieder) / network changed (name, districts, members)',
});
