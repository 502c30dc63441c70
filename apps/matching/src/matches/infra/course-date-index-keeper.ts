import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MATCHING_DATA_SOURCE } from '../../shared/infra/matching-store';
import { pruneDateChanges } from './course-date-index';
import { Rematcher } from './rematcher';

/** Notes of changed dates are kept this long: every replica syncs far more often (each retrieval does). */
const KEEP_MINUTES = 60;
const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * Loads the replica's course date index at start, so the first need does not wait for it, and
 * prunes the change log it syncs from (migration 1763900000000). Replicas prune alike; a DELETE
 * of rows another replica deletes at once just finds fewer.
 */
@Injectable()
export class CourseDateIndexKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CourseDateIndexKeeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rematcher: Rematcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    const dates = await this.rematcher.prepare(this.dataSource.manager);
    if (dates !== undefined) this.logger.log(`Kursterminindex geladen / course date index loaded: ${dates} dates in ${Date.now() - started} ms`);
    this.timer = setInterval(() => void pruneDateChanges(this.dataSource.manager, KEEP_MINUTES).catch((error: unknown) => this.logger.warn(`Pruning course date changes failed: ${String(error)}`)), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
