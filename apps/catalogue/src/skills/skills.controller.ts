import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Public } from '@bildungsraum/platform';
import { SkillDirectory, SkillSuggestion } from '@bildungsraum/reference-data';
import { CATALOGUE_SCHEMA } from '../db/catalogue-data-source';
import { CATALOGUE_DATA_SOURCE } from '../shared/infra/catalogue-store';

export class SkillsQuery {
  @ApiPropertyOptional({ description: 'Eingabe (Type-ahead) / what the user typed', example: 'stapler' }) @IsString() @Length(1, 100) q!: string;
  @ApiPropertyOptional({ enum: ['de', 'en'], default: 'de' }) @IsOptional() @IsIn(['de', 'en']) lang?: 'de' | 'en';
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}

@ApiTags('skills')
@Controller('skills')
export class SkillsController {
  private readonly directory: SkillDirectory;

  constructor(@Inject(CATALOGUE_DATA_SOURCE) dataSource: DataSource) {
    this.directory = new SkillDirectory(dataSource, CATALOGUE_SCHEMA);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Kompetenzen vorschlagen (ESCO, Type-ahead) / suggest ESCO skills (type-ahead)' })
  async suggest(@Query() query: SkillsQuery): Promise<{ items: SkillSuggestion[] }> {
    return { items: await this.directory.suggest(query.q, { lang: query.lang ?? 'de', limit: query.limit ?? 10 }) };
  }
}
