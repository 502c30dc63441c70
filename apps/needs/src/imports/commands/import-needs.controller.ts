import { createHash, randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Injectable, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRawRequestBody, CurrentPrincipal, isOperator, Principal, Problem, PROBLEM_TYPES, Roles } from '@bildungsraum/platform';
import { DomainError } from '@bildungsraum/domain-kernel';
import { notFound } from '../../shared/domain/need-errors';
import { NeedsStore } from '../../shared/infra/needs-store';
import { ImportJob, importJobRepository } from '../infra/import-job.repository';
import { ImportProcessor } from '../infra/import-processor';
import { ImportNeedsRequest } from './import-needs.request';

const MAX_ROWS = 10_000;

export type ImportJobView = Omit<ImportJob, 'roles'> & { duplicate?: boolean };

const view = (job: ImportJob, duplicate = false): ImportJobView => {
  const { roles: _roles, ...rest } = job;
  return { ...rest, ...(duplicate ? { duplicate } : {}) };
};

@Injectable()
export class ImportNeedsHandler {
  constructor(
    private readonly store: NeedsStore,
    private readonly processor: ImportProcessor,
  ) {}

  async upload(principal: Principal, request: ImportNeedsRequest): Promise<{ job: ImportJobView; created: boolean }> {
    // The owner must be an organisation id; the identity provider may put anything in the claim.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(principal.partnerId)) throw new DomainError('forbidden', 'forbidden', 'Token nennt keine Organisation / token names no organisation');
    if ((request.content === undefined) === (request.contentBase64 === undefined)) {
      throw new DomainError('invalid', 'import.content', 'Genau eines von content oder contentBase64 senden / send exactly one of content and contentBase64', [{ field: 'content', in: 'body', detail: 'exactly one of content, contentBase64' }]);
    }
    const bytes = request.content !== undefined ? Buffer.from(request.content, 'utf8') : Buffer.from(request.contentBase64 ?? '', 'base64');
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) throw new DomainError('invalid', 'import.encoding', 'Datei ist kein UTF-8 / file is not UTF-8');
    const lines = text.split(/\r?\n/).filter((line) => line.trim()).length;
    if (lines > MAX_ROWS + 1) {
      throw new Problem({ type: PROBLEM_TYPES.payloadTooLarge, title: 'Payload Too Large', status: 413, detail: `Höchstens ${MAX_ROWS} Zeilen je Datei / at most ${MAX_ROWS} rows per file`, extensions: { maxRows: MAX_ROWS } });
    }
    if (lines < 2) throw new DomainError('invalid', 'import.empty', 'Datei enthält keine Datenzeilen / file has no data rows');
    // Same owner, same bytes (BOM aside) = same upload: idempotent.
    const sha256 = createHash('sha256').update(text.replace(/^\uFEFF/, '')).digest('hex');
    const id = randomUUID();
    const inserted = await this.store.change(async (manager) => ({
      result: await importJobRepository.insert(manager, { id, ownerPartnerId: principal.partnerId, createdBy: principal.subject, roles: principal.roles, sha256, submit: request.submit ?? false, content: text, ...(request.fileName ? { fileName: request.fileName } : {}) }),
      events: [],
    }));
    if (inserted) void this.processor.start(id);
    const job = await this.store.read((manager) => importJobRepository.bySha(manager, principal.partnerId, sha256));
    if (!job) throw notFound('import');
    return { job: view(job, !inserted), created: inserted };
  }

  async get(principal: Principal, id: string): Promise<ImportJobView> {
    const job = await this.store.read((manager) => importJobRepository.load(manager, id));
    if (!job || (!isOperator(principal) && job.ownerPartnerId !== principal.partnerId)) throw notFound('import');
    return view(job);
  }
}

@ApiTags('need-imports')
@ApiBearerAuth()
@Roles('operator', 'coordinator', 'company')
@Controller('need-imports')
export class ImportNeedsController {
  constructor(private readonly handler: ImportNeedsHandler) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Bedarfe aus CSV übernehmen (idempotent; Fortschritt am Job) / bulk intake from CSV (idempotent; progress on the job)' })
  @ApiAcceptedResponse({ description: 'Neuer Import-Job / new import job (200 with duplicate=true for a file uploaded before)' })
  @ApiRawRequestBody('text/csv', 'Die CSV-Datei selbst (UTF-8, Semikolon oder Komma); fileName und submit dann als Query / the CSV file itself; fileName and submit then in the query')
  @ApiQuery({ name: 'fileName', required: false, description: 'Nur bei text/csv: Dateiname / with text/csv only: file name' })
  @ApiQuery({ name: 'submit', required: false, type: Boolean, description: 'Nur bei text/csv: gültige Zeilen gleich einreichen / with text/csv only: submit valid rows at once' })
  async upload(@CurrentPrincipal() principal: Principal, @Body() request: ImportNeedsRequest, @Res({ passthrough: true }) response: Response): Promise<ImportJobView> {
    const { job, created } = await this.handler.upload(principal, request);
    response.status(created ? 202 : 200).location(`/need-imports/${job.id}`);
    return job;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Import-Job: Fortschritt und ungültige Zeilen / import job: progress and invalid rows' })
  @ApiOkResponse({ description: 'total, processed, created, invalid, errors[{line, reasons}]' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ImportJobView> {
    return this.handler.get(principal, id);
  }
}
