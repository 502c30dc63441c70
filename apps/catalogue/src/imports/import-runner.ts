import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { Problem } from '@bildungsraum/platform';
import { DomainError } from '@bildungsraum/domain-kernel';
import { Caller } from '../offers/domain/offer-access';
import { OfferCommands } from '../offers/commands/offer-commands.service';
import { CreateOfferRequest } from '../offers/commands/offer.requests';

/** One offer to import: where it came from (line numbers, item index) and its fields in API form. */
export interface ImportItem {
  ref: string;
  fields: Record<string, unknown>;
  /** Cells or properties that could not be read at all. */
  reasons: string[];
}

export interface ImportItemResult {
  ref: string;
  status: 'created' | 'published' | 'rejected';
  offerId?: string;
  title?: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

export interface ImportReport {
  received: number;
  created: number;
  rejected: number;
  items: ImportItemResult[];
}

/**
 * Imports offers item by item through the same validation and use case as `POST /offers`: a bad
 * row is reported with its fields and does not stop the others (each offer is its own transaction).
 */
@Injectable()
export class ImportRunner {
  constructor(private readonly commands: OfferCommands) {}

  async run(caller: Caller, items: ImportItem[], options: { publish?: boolean } = {}): Promise<ImportReport> {
    const results: ImportItemResult[] = [];
    for (const item of items) results.push(await this.one(caller, item, options.publish ?? false));
    const rejected = results.filter((result) => result.status === 'rejected').length;
    return { received: items.length, created: items.length - rejected, rejected, items: results };
  }

  private async one(caller: Caller, item: ImportItem, publish: boolean): Promise<ImportItemResult> {
    if (item.reasons.length) return { ref: item.ref, status: 'rejected', errors: [{ field: '', messages: item.reasons }] };
    const request = plainToInstance(CreateOfferRequest, item.fields);
    const violations = await validate(request, { whitelist: true, forbidNonWhitelisted: true });
    if (violations.length) return { ref: item.ref, status: 'rejected', errors: flatten(violations) };
    try {
      const offer = await this.commands.create(caller, request);
      if (!publish) return { ref: item.ref, status: 'created', offerId: offer.id, title: offer.title };
      await this.commands.publish(caller, offer.id);
      return { ref: item.ref, status: 'published', offerId: offer.id, title: offer.title };
    } catch (error) {
      if (error instanceof DomainError) return { ref: item.ref, status: 'rejected', errors: [{ field: error.fields[0]?.field ?? '', messages: [error.message, ...error.fields.map((field) => field.detail)] }] };
      if (error instanceof Problem) return { ref: item.ref, status: 'rejected', errors: [{ field: '', messages: [error.detail] }] };
      throw error;
    }
  }
}

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
