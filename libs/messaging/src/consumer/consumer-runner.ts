import { ConsumerMessages, jetstream, JetStreamClient, JetStreamManager, jetstreamManager, JsMsg } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, ProducingService } from '@bildungsraum/contracts';
import { runWithCause } from '@bildungsraum/platform';
import { ensureDeadLetterStream, ensureServiceStream, isNotFound, streamName } from '../provisioning/streams';
import { ConsumerSettings, resolveConsumerSettings, retryDelayMs } from './consumer-settings';
import { decodeMessage } from './decode-message';
import { parkMessage } from './dead-letter-publisher';
import { DurableConsumerRef, ensureDurableConsumer, supportsMultipleFilters } from './durable-consumer';

/** Nest's `Logger` fits this; so does `console`. */
export interface MessagingLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

export interface DeliveryContext {
  /** 1 on the first attempt, counting redeliveries. */
  deliveryCount: number;
  msg: JsMsg;
}

/** Resolves once the effect is committed (the handler's transaction); rejects to retry. */
export type EventHandler = (event: CloudEvent, context: DeliveryContext) => Promise<unknown>;

export interface ConsumerRunnerOptions extends Partial<ConsumerSettings> {
  connection: NatsConnection;
  /** The consuming service, e.g. `matching`. */
  consumerName: string;
  /** The producing service whose stream this runner reads. */
  service: ProducingService;
  /** Event types handled, all of `service`; the durable consumer is filtered to them. */
  eventTypes: string[];
  handler: EventHandler;
  subjectPrefix?: string;
  logger?: MessagingLogger;
  /** How long `stop()` waits for running handlers (default: ack_wait); then JetStream redelivers them. */
  stopTimeoutMs?: number;
}

/**
 * Reads one durable consumer and runs a handler per event, at least once: a message is acked only
 * after the handler resolved, nak'ed with growing delay when it failed, and parked on the
 * dead-letter subject (then terminated) when its contract is broken or the attempts are used up.
 * Handlers must be idempotent (the inbox) for the effect to happen exactly once.
 */
export class ConsumerRunner {
  private readonly settings: ConsumerSettings;
  private readonly js: JetStreamClient;
  private readonly logger: MessagingLogger;
  private readonly handled: Set<string>;
  private readonly inFlight = new Set<Promise<void>>();
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;
  /** In-progress signals of running handlers; cancelled when stop() gives up on them. */
  private readonly keepAlives = new Set<NodeJS.Timeout>();
  private stopped?: Promise<void>;
  private ref?: DurableConsumerRef;

  constructor(private readonly options: ConsumerRunnerOptions) {
    this.settings = resolveConsumerSettings(options);
    this.js = jetstream(options.connection);
    this.logger = options.logger ?? console;
    this.handled = new Set(options.eventTypes);
  }

  /** The durable consumer this runner reads, once started. */
  get consumer(): DurableConsumerRef | undefined {
    return this.ref;
  }

  /** Provisions the durable consumer and the dead-letter stream, then starts pulling. */
  async start(): Promise<void> {
    if (this.loop) throw new Error('ConsumerRunner already started');
    const { connection, consumerName, service, eventTypes, subjectPrefix } = this.options;
    const jsm = await jetstreamManager(connection);
    await ensureDeadLetterStream(jsm, subjectPrefix);
    // The producer owns its stream's settings; create it only if this consumer starts first.
    if (!(await streamExists(jsm, streamName(service, subjectPrefix)))) await ensureServiceStream(jsm, service, subjectPrefix);
    this.ref = await ensureDurableConsumer(jsm, {
      consumerName,
      service,
      eventTypes,
      prefix: subjectPrefix,
      settings: this.settings,
      multipleFilters: supportsMultipleFilters(connection),
    });
    const consumer = await this.js.consumers.get(this.ref.stream, this.ref.durable);
    // A small buffer: every buffered message's ack_wait is already running.
    this.messages = await consumer.consume({ max_messages: this.settings.concurrency * 2 });
    this.loop = this.pull(this.messages);
    this.logger.log(`Consuming ${this.ref.stream} as ${this.ref.durable} (${eventTypes.join(', ')})`);
  }

  /** Stops pulling, hands unstarted messages back, waits for running handlers. */
  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    // Not awaited: the iterator closes only once the loop has handed back what was buffered.
    void this.messages?.close();
    const finished = (async () => {
      await this.loop;
      await Promise.all([...this.inFlight]);
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.options.stopTimeoutMs ?? this.settings.ackWaitMs;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
    const gaveUp = await Promise.race([finished.then(() => false), timedOut]);
    clearTimeout(timer);
    if (gaveUp) {
      for (const keepAlive of this.keepAlives) clearInterval(keepAlive);
      this.logger.warn(`${this.inFlight.size} handler(s) of ${this.ref?.durable} still running after ${timeoutMs} ms; JetStream will redeliver`);
    }
  }

  private async pull(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const msg of messages) {
        while (!this.stopping && this.inFlight.size >= this.settings.concurrency) await Promise.race(this.inFlight);
        if (this.stopping) {
          // Buffered but not started: give it back now rather than after ack_wait.
          msg.nak();
          continue;
        }
        const task: Promise<void> = this.process(msg)
          .catch((error: unknown) => this.logger.error(`Unexpected failure on ${msg.subject}: ${describeError(error)}`, stackOf(error)))
          .finally(() => this.inFlight.delete(task));
        this.inFlight.add(task);
      }
    } catch (error) {
      this.logger.error(`Consumer ${this.ref?.durable} stopped pulling: ${describeError(error)}`, stackOf(error));
      return;
    }
    if (!this.stopping) this.logger.error(`Consumer ${this.ref?.durable} stopped pulling: the connection closed`);
  }

  private async process(msg: JsMsg): Promise<void> {
    const decoded = decodeMessage(msg, this.options.subjectPrefix);
    if (!decoded.ok) {
      if (!this.ref?.filtered && !this.handled.has(decoded.type)) return msg.ack(); // a type we do not read
      this.logger.warn(`Parking ${msg.subject} (stream seq ${msg.info.streamSequence}): ${decoded.reason}`);
      return this.park(msg, decoded.type, decoded.reason);
    }
    const { event } = decoded;
    if (!this.handled.has(event.type)) return msg.ack();

    const attempt = msg.info.deliveryCount;
    if (attempt > this.settings.maxDeliver) {
      // Only reached when earlier attempts ended without outcome (crash, ack timeout).
      return this.park(msg, event.type, `no outcome after ${this.settings.maxDeliver} attempts (crash or ack timeout)`);
    }
    // A handler may take longer than ack_wait; tell JetStream it is still running.
    const keepAlive = setInterval(() => msg.working(), Math.max(this.settings.ackWaitMs / 2, 50));
    this.keepAlives.add(keepAlive);
    try {
      // Events the handler writes continue this event's chain (correlation id, causation = this event).
      const cause = { correlationId: event.correlationid ?? event.id, causationId: event.id, traceparent: event.traceparent };
      await runWithCause(cause, () => this.options.handler(event, { deliveryCount: attempt, msg }));
    } catch (error) {
      return this.failed(msg, event, error);
    } finally {
      clearInterval(keepAlive);
      this.keepAlives.delete(keepAlive);
    }
    msg.ack();
  }

  private async failed(msg: JsMsg, event: CloudEvent, error: unknown): Promise<void> {
    const attempt = msg.info.deliveryCount;
    if (attempt >= this.settings.maxDeliver) {
      this.logger.error(`${event.type} ${event.id} failed ${attempt} times, parking it: ${describeError(error)}`, stackOf(error));
      return this.park(msg, event.type, describeError(error));
    }
    const delay = retryDelayMs(attempt, this.settings);
    this.logger.warn(`${event.type} ${event.id} failed (attempt ${attempt}/${this.settings.maxDeliver}), retry in ${delay} ms: ${describeError(error)}`);
    msg.nak(delay);
  }

  private async park(msg: JsMsg, eventType: string, reason: string): Promise<void> {
    const { consumerName, subjectPrefix } = this.options;
    try {
      await parkMessage(this.js, { msg, consumerName, eventType, error: reason, prefix: subjectPrefix });
    } catch (error) {
      // Not stored as a dead letter: leave it to redelivery rather than lose it.
      this.logger.error(`Could not park ${msg.subject}: ${describeError(error)}`, stackOf(error));
      msg.nak(retryDelayMs(msg.info.deliveryCount, this.settings));
      return;
    }
    // No reason text: NATS 2.9 ignores "+TERM <reason>" (and would redeliver); the dead letter has it.
    msg.term();
  }
}

/** Error text for logs and the dead-letter header; Nest's RPC errors are plain `{ message }` objects. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}

async function streamExists(jsm: JetStreamManager, name: string): Promise<boolean> {
  try {
    await jsm.streams.info(name);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
