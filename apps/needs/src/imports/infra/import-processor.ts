import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { EntityManager } from 'typeorm';
import { appendToOutbox } from '@bildungsraum/persistence';
import { currentCause, runWithCause } from '@bildungsraum/platform';
import { Actor, ActorRole, captureRole, isCompanyUser, isOperator, mayActForCompany } from '../../shared/domain/actor';
import { Clock, CLOCK } from '../../shared/domain/clock';
import { DomainError } from '@bildungsraum/domain-kernel';
import { NeedsStore } from '../../shared/infra/needs-store';
import { CompanyRecord, directory } from '../../directory/infra/directory.repository';
import { CreateNeedRequest } from '../../needs/commands/create-need/create-need.request';
import { companySnapshot } from '../../needs/commands/need-access';
import { newContent } from '../../needs/commands/need-content-builder';
import { Need } from '../../needs/domain/need';
import { needEvents } from '../../needs/infra/need-events';
import { needRepository } from '../../needs/infra/need.repository';
import { SiteResolver } from '../../needs/infra/site-resolver';
import { detectDelimiter, mapHeader, readRow } from '../domain/csv-rows';
import { importJobRepository, ImportJob, RowError } from './import-job.repository';

const CHUNK = 200;

/** Stable id per (job, line): a resumed chunk inserts nothing twice. */
function rowNeedId(jobId: string, line: number): string {
  const hex = createHash('sha1').update(`need-import:${jobId}:${line}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Works through an uploaded CSV in chunks of 200 rows; each chunk's needs, outbox rows and the
 * job's progress are committed together, so a job resumed after a crash continues exactly
 * where the last chunk ended.
 */
@Injectable()
export class ImportProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ImportProcessor.name);
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: NeedsStore,
    private readonly sites: SiteResolver,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every 30 s, pick up jobs another replica left unfinished (it stopped or crashed). */
  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.resumeStale().catch((error: unknown) => this.logger.warn(`resuming imports failed: ${String(error)}`)), 30_000);
    this.timer.unref();
  }

  /** Stops after the chunk in flight; the job stays `running` and is resumed from its progress. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.idle();
  }

  /** Starts (or joins) the job's processing in the background. */
  start(jobId: string): Promise<void> {
    let run = this.running.get(jobId);
    if (!run) {
      run = runWithCause({}, () => this.run(jobId))
        .catch(async (error: unknown) => {
          this.logger.error(`import ${jobId} failed: ${String(error)}`);
          await this.store.change(async (manager) => {
            await importJobRepository.finish(manager, jobId, 'failed', [{ line: 0, reasons: ['Interner Fehler beim Import / internal error'] }]);
            return { result: undefined, events: [] };
          });
        })
        .finally(() => this.running.delete(jobId));
      this.running.set(jobId, run);
    }
    return run;
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  /** Resumes jobs whose replica stopped mid-way (no progress for a minute). */
  async resumeStale(): Promise<void> {
    if (this.stopping) return;
    const ids = await this.store.read((manager) => importJobRepository.claimStale(manager, 60));
    ids.forEach((id) => void this.start(id));
  }

  private async run(jobId: string): Promise<void> {
    const { job, content } = await this.store.read(async (manager) => ({ job: await importJobRepository.load(manager, jobId), content: await importJobRepository.content(manager, jobId) }));
    if (!job || job.status !== 'running') return;
    const text = content.replace(/^\uFEFF/, '');
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as Array<{ record: string[]; info: { lines: number } }>;
    } catch (error) {
      return this.finish(jobId, 'failed', [{ line: Number((error as { lines?: number }).lines ?? 0), reasons: [`CSV nicht lesbar / unreadable CSV: ${(error as Error).message}`] }]);
    }
    const header = records[0]?.record;
    const rows = records.slice(1);
    const mapping = mapHeader(header ?? []);
    if (!header || mapping.missing.length) {
      return this.finish(jobId, 'failed', [{ line: 1, reasons: [`Pflichtspalten fehlen / required columns missing: ${mapping.missing.join(', ') || 'header'}`] }]);
    }
    // Line numbers as the parser counted them (a quoted cell may span lines: its last line is reported).
    for (let start = job.processed; start < rows.length; start += CHUNK) {
      if (this.stopping) return;
      const chunk = rows.slice(start, start + CHUNK).map(({ record, info }) => readRow(mapping, record, info.lines));
      await this.store.change(async (manager) => {
        const actor = await this.actorOf(manager, job);
        const errors: RowError[] = [];
        const events = [];
        let created = 0;
        for (const row of chunk) {
          const outcome = await this.importRow(manager, actor, job, row.fields, row.line, row.reasons);
          if (outcome.reasons) errors.push({ line: row.line, reasons: outcome.reasons });
          else if (outcome.need) {
            created += 1;
            events.push(...needEvents(outcome.need, outcome.need.pullChanges(), currentCause()));
          }
        }
        await appendToOutbox(manager, this.store.schema, events);
        await importJobRepository.progress(manager, jobId, { total: rows.length, processed: chunk.length, created, errors });
        return { result: undefined, events: [] };
      });
    }
    await this.finish(jobId, 'completed');
  }

  private async importRow(manager: EntityManager, actor: Actor, job: ImportJob, fields: Record<string, unknown>, line: number, cellReasons: string[]): Promise<{ need?: Need; reasons?: string[] }> {
    const { companyId, companyName, ...needFields } = fields as { companyId?: string; companyName?: string };
    const request = plainToInstance(CreateNeedRequest, { ...needFields, ...(companyId ? { companyId } : {}) });
    const reasons = [...cellReasons, ...flatten(await validate(request, { whitelist: true, forbidNonWhitelisted: true }))];
    if (reasons.length) return { reasons };
    const company = await this.company(manager, actor, request.companyId, companyName);
    if (typeof company === 'string') return { reasons: [company] };
    try {
      const site = await this.sites.resolve(company, request.site);
      const now = this.clock();
      const snapshot = companySnapshot(company, site);
      const need = Need.create({ id: rowNeedId(job.id, line), companyId: company.id, company: snapshot, capturedBy: { partnerId: actor.partnerId, role: captureRole(actor, company.id), subject: actor.subject }, content: newContent(request, site), now });
      if (job.submit) need.submit(company.status === 'verified', snapshot, now);
      return (await needRepository.insert(manager, need, job.id)) ? { need } : {};
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { reasons: error.fields.length ? error.fields.map((fault) => `${fault.field}: ${fault.detail}`) : [error.message] };
    }
  }

  private async company(manager: EntityManager, actor: Actor, id: string | undefined, name: string | undefined): Promise<CompanyRecord | string> {
    const unknown = 'Unternehmen unbekannt oder nicht in Ihren Verbünden / company unknown or not in your networks';
    let company: CompanyRecord | undefined;
    if (id) company = await directory.company(manager, id);
    else if (name) {
      const scope = isOperator(actor) ? 'all' : actor.coordinatedNetworkIds;
      const found = isCompanyUser(actor) && !actor.coordinatedNetworkIds.length ? [await directory.company(manager, actor.partnerId)].filter((c): c is CompanyRecord => !!c && c.name.toLowerCase() === name.toLowerCase()) : await directory.companiesNamed(manager, name, scope);
      if (found.length > 1) return 'Unternehmensname nicht eindeutig: Unternehmen-ID angeben / company name ambiguous: give the company id';
      company = found[0];
    }
    if (!company || !mayActForCompany(actor, company)) return unknown;
    if (company.status === 'deactivated' || company.status === 'rejected') return 'Unternehmen deaktiviert oder abgelehnt / company deactivated or rejected';
    return company;
  }

  private async actorOf(manager: EntityManager, job: ImportJob): Promise<Actor> {
    const roles = job.roles as ActorRole[];
    const coordinatedNetworkIds = roles.includes('coordinator') ? await directory.coordinatedBy(manager, job.ownerPartnerId) : [];
    return { subject: job.createdBy, roles, partnerId: job.ownerPartnerId, coordinatedNetworkIds };
  }

  private async finish(jobId: string, status: 'completed' | 'failed', errors: RowError[] = []): Promise<void> {
    await this.store.change(async (manager) => {
      await importJobRepository.finish(manager, jobId, status, errors);
      return { result: undefined, events: [] };
    });
  }
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    return [...Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`), ...flatten(error.children ?? [], path)];
  });
}
