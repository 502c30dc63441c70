import { Injectable } from '@nestjs/common';
import { CloudEvent } from '@bildungsraum/contracts';
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
// One write at a time: the needs that arrive during a commit share the next one. With two in
// flight, at 500/s nearly every need committed alone; with one, 4 interleaved pairs at load 4-5
// gave 4 % less service CPU per request at 500/s (0.96 -> 0.92 ms), 8 % less at saturation and
// 5 % more throughput, p50 unchanged (bench/needs-intake, session 5).
const MAX_IN_FLIGHT = 1;

/**
 * Group commit for new needs: requests that arrive while a write is in flight are written
 * together in the next one: one statement inserts the needs and their outbox rows and commits
 * (one round trip instead of BEGIN, two inserts and COMMIT; each query costs a socket write, and
 * those were ~6 % of the service's CPU), so under load a commit serves many requests instead of
 * one. Nothing waits on a timer: an idle writer commits a single need at once. Each need is still inserted only if its company's status
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
      const needOf = new Map<CloudEvent, string>(batch.flatMap((item) => item.events.map((event) => [event, item.need.snapshot.id] as const)));
      const inserted = await needRepository.insertManyWithEvents(
        this.store.dataSource,
        this.store.schema,
        batch.map((item) => item.need),
        [...needOf.keys()],
        (event) => needOf.get(event) as string,
      );
      for (const item of batch) {
        if (inserted.has(item.need.snapshot.id)) item.resolve();
        else item.reject(new DomainError('invalid', 'company.status-changed', 'Status des Unternehmens erlaubt das nicht mehr / the company’s status no longer allows this'));
      }
    } catch (error) {
      batch.forEach((item) => item.reject(error));
    }
  }
}
