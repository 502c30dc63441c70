import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { appendToOutbox } from '@bildungsraum/persistence';
import { currentCause, runWithCause } from '@bildungsraum/platform';
import { Clock, CLOCK } from '../../shared/domain/clock';
import { NeedsStore } from '../../shared/infra/needs-store';
import { isoDay } from '../domain/need-content';
import { needEvents } from '../infra/need-events';
import { needRepository } from '../infra/need.repository';
import { NeedsConfig } from '../../needs.config';

const BATCH = 200;

/**
 * Expires open needs whose latest end has passed. Runs every EXPIRY_SWEEP_SECONDS in every
 * replica; a batch is claimed with FOR UPDATE SKIP LOCKED, so replicas never expire the same
 * need twice and never wait for each other. `needs.need.expired.v1` goes through the outbox.
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExpirySweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly store: NeedsStore,
    private readonly config: NeedsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.EXPIRY_SWEEP_SECONDS <= 0) return;
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.error(`expiry sweep failed: ${String(error)}`)), this.config.EXPIRY_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One sweep (also called by tests): returns how many needs it expired. Overlapping calls share one run. */
  sweep(): Promise<number> {
    this.running ??= this.sweepAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await runWithCause({}, () => this.sweepBatch());
      total += expired;
      if (expired < BATCH) return total;
    }
  }

  private sweepBatch(): Promise<number> {
    const now = this.clock();
    return this.store.dataSource.transaction(async (manager) => {
      const due = await needRepository.claimDue(manager, isoDay(now), BATCH);
      for (const need of due) {
        need.expire(now);
        await needRepository.update(manager, need);
        await appendToOutbox(manager, this.store.schema, needEvents(need, need.pullChanges(), currentCause()));
      }
      return due.length;
    });
  }
}
