import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PARTNER_KINDS, PARTNER_STATUSES, PartnerKind, PartnerStatus } from '@bildungsraum/contracts';

export class ListOrganisationsQuery {
  @ApiPropertyOptional({ enum: PARTNER_KINDS }) @IsOptional() @IsIn(PARTNER_KINDS) kind?: PartnerKind;
  @ApiPropertyOptional({ enum: PARTNER_STATUSES }) @IsOptional() @IsIn(PARTNER_STATUSES) status?: PartnerStatus;
  @ApiPropertyOptional({ description: 'Kreisschlüssel (AGS, 5-stellig) / district key', example: '06635' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'district must be a 5-digit district key (AGS)' }) district?: string;
  @ApiPropertyOptional({ description: 'Verbund-ID / network id', format: 'uuid' }) @IsOptional() @IsUUID() network?: string;
  @ApiPropertyOptional({ description: 'Suche im Namen / text search on the name' }) @IsOptional() @IsString() @Length(1, 100) q?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Opaker Cursor aus `nextCursor` / opaque cursor from `nextCursor`' })
  @IsOptional() @IsString() @Length(1, 1000) cursor?: string;
}
