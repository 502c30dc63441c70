import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export const BUNDLE_STATUSES = ['forming', 'viable', 'dissolved'] as const;
export type BundleStatusFilter = (typeof BUNDLE_STATUSES)[number];

export class BundlesQuery {
  @ApiPropertyOptional({ enum: BUNDLE_STATUSES, description: 'Standard: forming und viable / default: forming and viable' })
  @IsOptional() @IsIn(BUNDLE_STATUSES) status?: BundleStatusFilter;
  @ApiPropertyOptional({ description: 'Landkreis (AGS) eines gebündelten Bedarfs / district of a bundled need', example: '06635' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'district must be a 5-digit district key (AGS)' }) district?: string;
  @ApiPropertyOptional({ description: 'ESCO-URI einer Fähigkeit des Kurses / ESCO URI of a skill of the course' })
  @IsOptional() @IsString() @Length(1, 300) skill?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Angebot / offer' }) @IsOptional() @IsUUID() offer?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Opaker Cursor aus `nextCursor` / opaque cursor from `nextCursor`' }) @IsOptional() @IsString() @Length(1, 1000) cursor?: string;
}
