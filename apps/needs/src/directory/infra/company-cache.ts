import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompanyRecord, directory } from './directory.repository';

const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * Companies for the capture path, cached for two seconds per replica: under load one company
 * submits many needs. Safe because the insert itself re-checks the company's status
 * (NeedWriter); what may be up to two seconds old is size class, head count and sites.
 */
@Injectable()
export class CompanyCache {
  private readonly entries = new Map<string, { company: CompanyRecord | undefined; at: number }>();

  async get(manager: EntityManager, id: string): Promise<CompanyRecord | undefined> {
    const now = Date.now();
    const hit = this.entries.get(id);
    if (hit && now - hit.at < TTL_MS) return hit.company;
    const company = await directory.company(manager, id);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    // Unknown companies are not cached: their registration may arrive any moment.
    if (company) this.entries.set(id, { company, at: now });
    return company;
  }
}
