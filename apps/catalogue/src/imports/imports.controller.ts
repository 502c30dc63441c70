import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsBase64, IsBoolean, IsOptional, IsString, MaxLength, IsUUID, IsObject } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { invalid } from '@bildungsraum/domain-kernel';
import { offersFromCsv } from './csv-offers';
import { ImportReport, ImportRunner } from './import-runner';
import { offersFromJsonLd } from './jsonld-offers';

class ImportOptions {
  /** Publish every offer that was created (verified providers only). */
  @IsOptional() @IsBoolean() publish?: boolean;
  /** Operators import on behalf of a provider. */
  @IsOptional() @IsUUID() providerId?: string;
}

/** A CSV file sent as JSON (the platform accepts JSON bodies only): text or base64 bytes. */
export class ImportCsvRequest extends ImportOptions {
  @IsOptional() @IsString() @MaxLength(4_000_000) content?: string;
  @IsOptional() @IsBase64() @MaxLength(5_400_000) contentBase64?: string;
}

export class ImportJsonLdRequest extends ImportOptions {
  /** A schema.org Course, an array of them, or `{ "@graph": [...] }`. */
  @IsObject() document!: Record<string, unknown>;
}

@ApiTags('offers')
@Controller('offers/import')
export class ImportsController {
  constructor(private readonly runner: ImportRunner) {}

  @Post('csv')
  @HttpCode(200)
  @Roles('provider', 'operator')
  @ApiOperation({ summary: 'Angebote aus CSV importieren, Zeile für Zeile geprüft / import offers from CSV, validated row by row' })
  async csv(@CurrentPrincipal() principal: Principal, @Body() body: ImportCsvRequest): Promise<ImportReport & { unknownColumns: string[] }> {
    const text = body.content ?? (body.contentBase64 ? Buffer.from(body.contentBase64, 'base64').toString('utf8') : undefined);
    if (!text) throw invalid('import.empty', 'Keine Datei / no file', [{ field: 'content', in: 'body', detail: 'content or contentBase64' }]);
    let parsed: ReturnType<typeof offersFromCsv>;
    try {
      parsed = offersFromCsv(text);
    } catch (error) {
      throw invalid('import.unreadable', 'CSV nicht lesbar / CSV not readable', [{ field: 'content', in: 'body', detail: error instanceof Error ? error.message : String(error) }]);
    }
    const items = parsed.items.map((item) => withProvider(item, body.providerId));
    return { ...(await this.runner.run(principal, items, { publish: body.publish })), unknownColumns: parsed.unknownColumns };
  }

  @Post('jsonld')
  @HttpCode(200)
  @Roles('provider', 'operator')
  @ApiOperation({ summary: 'Angebote aus schema.org JSON-LD (Course/CourseInstance) importieren / import offers from schema.org JSON-LD' })
  async jsonLd(@CurrentPrincipal() principal: Principal, @Body() body: ImportJsonLdRequest): Promise<ImportReport> {
    const document = Array.isArray(body.document.items) ? body.document.items : body.document;
    const items = offersFromJsonLd(document).map((item) => withProvider(item, body.providerId));
    return this.runner.run(principal, items, { publish: body.publish });
  }
}

function withProvider<T extends { fields: Record<string, unknown> }>(item: T, providerId: string | undefined): T {
  return providerId ? { ...item, fields: { ...item.fields, providerId } } : item;
}
