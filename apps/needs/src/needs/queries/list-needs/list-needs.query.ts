import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ISO_DATE, NEED_STATUSES, NeedStatus, TARGET_GROUPS, TargetGroup } from '@bildungsraum/contracts';

export class ListNeedsQuery {
  @ApiPropertyOptional({ enum: NEED_STATUSES }) @IsOptional() @IsIn(NEED_STATUSES) status?: NeedStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() company?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Bedarfe der Mitglieder eines Verbunds / needs of a network’s members' }) @IsOptional() @IsUUID() network?: string;
  @ApiPropertyOptional({ description: 'Landkreis des Bedarfsorts (AGS) / district of the need’s site', example: '06635' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'district must be a 5-digit district key (AGS)' }) district?: string;
  @ApiPropertyOptional({ enum: TARGET_GROUPS }) @IsOptional() @IsIn(TARGET_GROUPS) targetGroup?: TargetGroup;
  @ApiPropertyOptional({ description: 'ESCO-URI' }) @IsOptional() @IsString() @Length(1, 300) skill?: string;
  @ApiPropertyOptional({ description: 'Zeitfenster ab (überlappt) / window from (overlaps)', example: '2026-01-01' })
  @IsOptional() @Matches(ISO_DATE, { message: 'from must be a date YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ description: 'Zeitfenster bis (überlappt) / window to (overlaps)', example: '2026-12-31' })
  @IsOptional() @Matches(ISO_DATE, { message: 'to must be a date YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ description: 'Suche in der Beschreibung / text search in the description' }) @IsOptional() @IsString() @Length(1, 100) q?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Opaker Cursor aus `nextCursor` / opaque cursor from `nextCursor`' }) @IsOptional() @IsString() @Length(1, 1000) cursor?: string;
}
