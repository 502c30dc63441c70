import { DataSource } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { recordDeliveries } from '../infra/record-deliveries';

interface Waiting {
  event: CloudEvent<Record<string, unknown>>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the consumer. Events whose handlers run at the same time (up to
 * CONSUMER_CONCURRENCY per stream) are recorded in one transaction and share one WAL flush
 * instead of paying one each (measured here under load: a tiny autocommit insert ≈ 5 ms, the
 * recording statement itself ≈ 1 ms). A lone event keeps the single-statement path, so nothing
 * waits for company. Each handler resolves only after its event's transaction committed — the
 * message is still acked after commit — and every event keeps its own inbox gate, so a
 * redelivered one records nothing. A failed batch is retried event by event, so one bad event
 * fails alone (and goes the consumer's retry / dead-letter way).
 */
export class RecordingBatcher {
  private readonly waiting: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: string,
    private readonly maxBatch: number,
    private readonly maxInFlight = 2,
  ) {}

  record(event: CloudEvent<Record<string, unknown>>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.maxInFlight && this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        this.drain();
      });
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]);
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const item of batch) await recordDeliveries(manager, item.event, { inbox: this.consumer });
      });
    } catch {
      for (const item of batch) await this.alone(item);
      return;
    }
    for (const item of batch) item.resolve();
  }

  private async alone(item: Waiting): Promise<void> {
    try {
      await recordDeliveries(this.dataSource, item.event, { inbox: this.consumer });
      item.resolve();
    } catch (error) {
      item.reject(error);
    }
  }
}
