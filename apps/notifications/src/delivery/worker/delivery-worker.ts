import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_DATA_SOURCE } from '../../db/notifications-data-source';
import { NotificationsConfig } from '../../notifications.config';
import { parseSchedule } from '../domain/retry-policy';
import { claimDue, settle } from '../infra/delivery-store';
import { DELIVERY_NOTIFY_CHANNEL } from '../infra/record-deliveries';
import { EmailSender } from './email-sender';
import { sendDelivery, SendSettings } from './send-delivery';
import { sendDigest } from './send-digest';
import { WebhookSender } from './webhook-sender';
import { ChannelRow, ClaimedDelivery } from '../infra/delivery-store';

/**
 * Sends what the consumer recorded. Claims due rows (SKIP LOCKED: replicas share the work),
 * sends the batch concurrently, settles all outcomes in one transaction. Woken by NOTIFY at
 * commit; polls as a fallback (and for retries that fall due).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private running = false;
  private loops: Array<Promise<void>> = [];
  private listener?: Client;
  /** Sleeping loops, woken by NOTIFY; a loop that was busy sees `notified` and goes again. */
  private readonly sleepers = new Set<() => void>();
  private notified = false;
  private readonly email: EmailSender;
  private readonly settings: SendSettings;

  constructor(
    @Inject(NOTIFICATIONS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
  ) {
    this.email = new EmailSender(config.SMTP_URL, config.MAIL_FROM);
    this.settings = {
      webhooks: new WebhookSender({
        allowPrivateAddresses: config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        maxResponseBytes: config.WEBHOOK_MAX_RESPONSE_BYTES,
        connectionsPerOrigin: config.WEBHOOK_CONNECTIONS_PER_ORIGIN,
        pipelining: config.WEBHOOK_PIPELINING,
      }),
      schedule: parseSchedule(config.DELIVERY_RETRY_SCHEDULE_MS),
      disableAfterMs: config.ENDPOINT_DISABLE_AFTER_MS,
      mailDomain: 'notifications.bildungsraum.invalid',
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DELIVERY_WORKER_ENABLED) return;
    this.running = true;
    this.listener = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'notifications-worker-listen' });
    await this.listener.connect();
    this.listener.on('notification', () => this.wakeAll());
    this.listener.on('error', (error) => this.logger.warn(`listener: ${error.message}`));
    await this.listener.query(`LISTEN ${DELIVERY_NOTIFY_CHANNEL}`);
    // Several loops overlap sending with claiming and settling; SKIP LOCKED keeps their rows apart.
    this.loops = Array.from({ length: this.config.DELIVERY_CONCURRENCY }, () => this.run());
  }

  private wakeAll(): void {
    this.notified = true;
    for (const wake of this.sleepers) wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await Promise.all(this.loops);
    await this.listener?.end().catch(() => undefined);
    this.email.close();
    await this.settings.webhooks.close();
  }

  /** One batch; returns how many rows it handled. Exposed for tests and the benchmark. */
  async runBatch(): Promise<number> {
    const claimed = await claimDue(this.dataSource, this.config.DELIVERY_BATCH_SIZE, this.config.DELIVERY_LEASE_MS);
    if (!claimed.length) return 0;
    // Email digests: one message per subscription for its due rows; everything else one by one.
    const digests = new Map<string, ClaimedDelivery[]>();
    const single: ClaimedDelivery[] = [];
    for (const row of claimed) {
      if (row.digest && row.channel?.kind === 'email' && row.channel.status === 'active') digests.set(row.subscription_id, [...(digests.get(row.subscription_id) ?? []), row]);
      else single.push(row);
    }
    const deadline = this.settings.webhooks.deadline();
    const settled = await Promise.all([
      ...single.map((row) => sendDelivery(row, row.channel, this.email, this.settings, deadline).then((outcome) => [outcome])),
      ...[...digests.values()].map((rows) => sendDigest(rows, rows[0].channel as ChannelRow, this.email, this.settings)),
    ]).finally(() => deadline.done());
    await settle(this.dataSource, settled.flat());
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runBatch();
      } catch (error) {
        this.logger.error(`delivery batch failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (handled > 0 || !this.running) continue;
      if (this.notified) {
        this.notified = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, this.config.DELIVERY_POLL_MS);
        this.sleepers.add(wake);
      });
    }
  }
}
