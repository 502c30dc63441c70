import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, Matches } from 'class-validator';
import { ESCO_SKILL_URI } from '@bildungsraum/contracts';

/** Corrections of the skills read for a need: confirm read ones, remove wrong ones, add missing ones (ESCO URIs). */
export class CorrectSkillsRequest {
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(50) @Matches(ESCO_SKILL_URI, { each: true }) confirm?: string[];
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(50) @Matches(ESCO_SKILL_URI, { each: true }) remove?: string[];
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(50) @Matches(ESCO_SKILL_URI, { each: true }) add?: string[];
}
