import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { TARGET_GROUPS, TargetGroup } from '@bildungsraum/contracts';

export const GAP_STATUSES = ['open', 'closed'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

/** Filters of the gap report, for the JSON list and the CSV export alike. */
export class GapFilters {
  @ApiPropertyOptional({ description: 'Landkreis (AGS) / district key', example: '06635' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'district must be a 5-digit district key (AGS)' }) district?: string;
  @ApiPropertyOptional({ description: 'ESCO-Fähigkeit oder Fähigkeitsgruppe (URI) / ESCO skill or skill group URI' })
  @IsOptional() @IsString() @Length(1, 300) skill?: string;
  @ApiPropertyOptional({ enum: TARGET_GROUPS, description: 'Zielgruppe der offenen Nachfrage / target group of the open demand' })
  @IsOptional() @IsIn(TARGET_GROUPS) targetGroup?: TargetGroup;
  @ApiPropertyOptional({ enum: GAP_STATUSES, description: 'offen oder geschlossen (Anbietersicht: Standard offen) / open or closed (provider view: default open)' })
  @IsOptional() @IsIn(GAP_STATUSES) status?: GapStatus;
}

export class GapsQuery extends GapFilters {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Opaker Cursor aus `nextCursor` / opaque cursor from `nextCursor`' }) @IsOptional() @IsString() @Length(1, 1000) cursor?: string;
}
