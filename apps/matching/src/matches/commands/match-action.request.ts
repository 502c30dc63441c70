import { IsOptional, IsString, Length } from 'class-validator';

/** Optional words for the other side ("Termin passt doch nicht" / "Kurs ist voll"). */
export class MatchAnswerRequest {
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
