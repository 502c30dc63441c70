import { IsBase64, IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/**
 * A CSV file, sent as JSON: the text itself in `content`, or its bytes in `contentBase64`.
 * Semicolon or comma, UTF-8 with or without BOM, German headers. A file sent as `text/csv`
 * arrives here too, its bytes as `contentBase64` (see csv-upload.route.ts).
 */
export class ImportNeedsRequest {
  @JSONSchema({ examples: ['bedarfe-umfrage-2026.csv'] })
  @IsOptional() @IsString() @Length(1, 255) fileName?: string;

  @JSONSchema({ description: 'Der Dateiinhalt als Text / the file as text', examples: ['Unternehmen;Bedarf;Teilnehmende\nMetallbau Korbach GmbH;Staplerschein;2'] })
  @IsOptional() @IsString() @MaxLength(4_000_000) content?: string;

  @JSONSchema({ description: 'Oder die Bytes der Datei, Base64 / or the file’s bytes, base64' })
  @IsOptional() @IsBase64() @MaxLength(5_400_000) contentBase64?: string;

  @JSONSchema({ description: 'Gültige Zeilen gleich einreichen (sonst Entwürfe) / submit valid rows at once (else drafts)' })
  @IsOptional() @IsBoolean() submit?: boolean;
}
