import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { NatsConnection } from '@nats-io/nats-core';
import { lastValueFrom } from 'rxjs';
import { CloudEvent, findEventDefinition, ProducingService } from '@bildungsraum/contracts';
import { ConsumerSettings, serviceOfEventType } from '../consumer/consumer-settings';
import { drainNats } from '../connection/nats-connection';
import { ConsumerRunner, MessagingLogger } from '../consumer/consumer-runner';
import { JetStreamEventContext } from './jetstream-event-context';

export interface JetStreamServerOptions extends Partial<ConsumerSettings> {
  /** The connection, or a function returning it when the app's DI creates it (MessagingModule). */
  connection: NatsConnection | (() => NatsConnection | Promise<NatsConnection>);
  /** The consuming service, e.g. `matching`: names its durable consumers and dead letters. */
  consumerName: string;
  subjectPrefix?: string;
  logger?: MessagingLogger;
  /** Drain the connection in close(): for a connection opened for this server alone (bootstrapService). */
  drainOnClose?: boolean;
}

/**
 * Nest transport for `@EventPattern('<event type>')` handlers. One durable pull consumer per
 * producing stream the patterns belong to, shared by all replicas of the service; each handler is
 * called with `(data, ctx: JetStreamEventContext)` and its message acked only after its Promise
 * or Observable completed.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private runners: ConsumerRunner[] = [];
  private connection?: NatsConnection;

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      await this.close();
      callback(error);
    }
  }

  async close(): Promise<void> {
    const runners = this.runners;
    this.runners = [];
    await Promise.all(runners.map((runner) => runner.stop()));
    if (this.options.drainOnClose) await drainNats(this.connection);
  }

  /** No transport events: failures are logged and parked as dead letters. Listeners are ignored. */
  on(event: string): void {
    (this.options.logger ?? this.logger).warn(`JetStreamServer emits no "${event}" events; watch the logs and the dead-letter stream`);
  }

  unwrap<T>(): T {
    if (!this.connection) throw new Error('JetStreamServer is not listening yet');
    return this.connection as T;
  }

  private async start(): Promise<void> {
    const { connection, ...settings } = this.options;
    this.connection = typeof connection === 'function' ? await connection() : connection;
    const logger = this.options.logger ?? this.logger;
    for (const [service, eventTypes] of this.patternsByStream()) {
      const runner = new ConsumerRunner({
        ...settings,
        connection: this.connection,
        service,
        eventTypes,
        logger,
        handler: (event, { deliveryCount }) => this.dispatch(event, deliveryCount),
      });
      this.runners.push(runner);
      await runner.start();
    }
    if (this.runners.length === 0) logger.warn(`${this.options.consumerName}: no @EventPattern handlers, consuming nothing`);
  }

  /** Event types by producing stream; a pattern outside the catalogue is a programming error. */
  private patternsByStream(): Map<ProducingService, string[]> {
    const byStream = new Map<ProducingService, string[]>();
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) throw new Error(`@MessagePattern('${pattern}') is not supported: events only`);
      if (!findEventDefinition(pattern)) throw new Error(`@EventPattern('${pattern}') names no event type of the catalogue`);
      const service = serviceOfEventType(pattern);
      byStream.set(service, [...(byStream.get(service) ?? []), pattern]);
    }
    return byStream;
  }

  private async dispatch(event: CloudEvent, deliveryCount: number): Promise<void> {
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) throw new Error(`No handler for ${event.type}`);
    const context = new JetStreamEventContext(event, deliveryCount);
    const result = await handler(event.data, context);
    try {
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    } catch (error) {
      throw explainMaskedError(error);
    }
  }
}

/** Nest's default filter hides the cause; say where to find it instead of a bare "Internal server error". */
function explainMaskedError(error: unknown): unknown {
  const masked = error && typeof error === 'object' && !(error instanceof Error) && (error as { status?: unknown }).status === 'error';
  if (!masked) return error;
  const message = String((error as { message?: unknown }).message);
  return new Error(`${message} (cause in the service log; @UseFilters(JetStreamErrorFilter) records it here)`);
}
