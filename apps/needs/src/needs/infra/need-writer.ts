import { Injectable } from '@nestjs/common';
import { CloudEvent } from '@bildungsraum/contracts';
import { appendToOutbox } from '@bildungsraum/persistence';
import { DomainError } from '@bildungsraum/domain-kernel';
import { NeedsStore } from '../../shared/infra/needs-store';
import { Need } from '../domain/need';
import { needRepository } from './need.repository';

interface Pending {
  need: Need;
  events: CloudEvent[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 100;
const MAX_IN_FLIGHT = 2;

/**
 * Group commit for new needs: requests that arrive while a transaction is in flight are written
 * together in the next one (one multi-row insert, one outbox insert, one commit), so under load
 * a commit serves many requests instead of one. Nothing waits on a timer: an idle writer
 * commits a single need at once. Each need is still inserted only if its company's status
 * allows it at that moment (checked in the insert), and its events only if it was inserted.
 */
@Injectable()
export class NeedWriter {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(private readonly store: NeedsStore) {}

  write(need: Need, events: CloudEvent[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ need, events, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight += 1;
      void this.commit(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      const inserted = await this.store.dataSource.transaction(async (manager) => {
        const ids = await needRepository.insertMany(manager, batch.map((item) => item.need));
        await appendToOutbox(manager, this.store.schema, batch.filter((item) => ids.has(item.need.snapshot.id)).flatMap((item) => item.events));
        return ids;
      });
      for (const item of batch) {
        if (inserted.has(item.need.snapshot.id)) item.resolve();
        else item.reject(new DomainError('invalid', 'company.status-changed', 'Status des Unternehmens erlaubt das nicht mehr / the company’s status no longer allows this'));
      }
    } catch (error) {
      batch.forEach((item) => item.reject(error));
    }
  }
}
