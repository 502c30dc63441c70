import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MatchingConfig } from '../../matching.config';
import { berlinDay, Clock, CLOCK } from '../../shared/domain/clock';
import { MATCHING_DATA_SOURCE, schemaOfManager } from '../../shared/infra/matching-store';
import { Rematcher } from './rematcher';

/**
 * No event says "this date has started": open proposals whose course date began are found here
 * and their needs re-matched (withdrawn with `date_passed`, and the next best date proposed).
 * One transaction per need; replicas may sweep at once, the need's row lock serialises them and
 * the second finds nothing left to do.
 */
@Injectable()
export class PassedDateSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rematcher: Rematcher,
    private readonly config: MatchingConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.PASSED_DATE_SWEEP_SECONDS > 0) {
      this.timer = setInterval(() => void this.sweep().catch(() => undefined), this.config.PASSED_DATE_SWEEP_SECONDS * 1000);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Re-matches every need with an open proposal on a date that has started; returns how many. */
  async sweep(): Promise<number> {
    const s = schemaOfManager(this.dataSource.manager);
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT m.need_id FROM "${s}".matches m JOIN "${s}".course_date_view d ON d.id = m.course_date_id
        WHERE m.status IN ('proposed', 'accepted') AND d.start_date < $1::date ORDER BY m.need_id`,
      [berlinDay(this.clock())],
    )) as Array<{ need_id: string }>;
    for (const row of rows) await this.dataSource.transaction((manager) => this.rematcher.rematchNeed(manager, row.need_id));
    return rows.length;
  }
}
