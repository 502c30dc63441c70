import { AckPolicy, ConsumerConfig, ConsumerInfo, DeliverPolicy, JetStreamManager, ReplayPolicy } from '@nats-io/jetstream';
import { NatsConnection, nanos } from '@nats-io/nats-core';
import { prefixedSubject, ProducingService, streamSubjects } from '@bildungsraum/contracts';
import { isNotFound, streamName } from '../provisioning/streams';
import { ConsumerSettings, durableName } from './consumer-settings';

export interface DurableConsumerSpec {
  /** The consuming service, e.g. `matching`; names the durable and the dead-letter subjects. */
  consumerName: string;
  /** The producing service whose stream is read. */
  service: ProducingService;
  /** Event types the consumer handles, all of `service`. */
  eventTypes: string[];
  prefix?: string;
  settings: Pick<ConsumerSettings, 'maxDeliver' | 'ackWaitMs'>;
  /** Whether the server takes several filter subjects (NATS ≥ 2.10); detected from the connection when omitted. */
  multipleFilters?: boolean;
}

export interface DurableConsumerRef {
  stream: string;
  durable: string;
  /** False when the server could only filter by the whole stream: the runner then acks foreign types unread. */
  filtered: boolean;
}

/**
 * Creates the durable pull consumer or brings its settings up to date. Safe to run from every
 * replica at start-up, also at the same moment. Deliver policy "all": a consumer that is new
 * replays the stream's history, which is how a new service builds its read model.
 *
 * JetStream's own max_deliver is one more than the handler attempts: the extra delivery arrives
 * only when an attempt ended without an outcome (crash, ack timeout) and is used to park the
 * message on the dead-letter subject instead of losing it from sight.
 */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<DurableConsumerRef> {
  if (spec.eventTypes.length === 0) throw new Error(`Consumer ${spec.consumerName} handles no event types of ${spec.service}`);
  const stream = streamName(spec.service, spec.prefix);
  const durable = durableName(spec.consumerName, spec.service, spec.prefix);
  const subjects = [...new Set(spec.eventTypes.map((type) => prefixedSubject(type, spec.prefix)))].sort();
  const multiple = spec.multipleFilters ?? true;
  // NATS 2.9 takes one filter subject only; with several types we read the whole stream.
  const filter: Pick<ConsumerConfig, 'filter_subject' | 'filter_subjects'> =
    subjects.length === 1
      ? { filter_subject: subjects[0] }
      : multiple
        ? { filter_subjects: subjects }
        : { filter_subject: streamSubjects(spec.service, spec.prefix)[0] };
  const wanted = { ack_wait: nanos(spec.settings.ackWaitMs), max_deliver: spec.settings.maxDeliver + 1, ...filter };
  const ref = { stream, durable, filtered: subjects.length === 1 || multiple };

  const existing = await info(jsm, stream, durable);
  if (existing) {
    await updateIfChanged(jsm, existing, wanted);
    return ref;
  }
  try {
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      replay_policy: ReplayPolicy.Instant,
      max_ack_pending: 1_000,
      ...wanted,
    });
  } catch (error) {
    // Another replica created it between our info and add: converge on the wanted settings.
    const raced = await info(jsm, stream, durable);
    if (!raced) throw error;
    await updateIfChanged(jsm, raced, wanted);
  }
  return ref;
}

/** NATS ≥ 2.10 filters a consumer by several subjects. */
export function supportsMultipleFilters(connection: NatsConnection): boolean {
  const [major = 0, minor = 0] = (connection.info?.version ?? '0.0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10);
}

async function info(jsm: JetStreamManager, stream: string, durable: string): Promise<ConsumerInfo | undefined> {
  try {
    return await jsm.consumers.info(stream, durable);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

type Wanted = Pick<ConsumerConfig, 'ack_wait' | 'max_deliver' | 'filter_subject' | 'filter_subjects'>;

async function updateIfChanged(jsm: JetStreamManager, existing: ConsumerInfo, wanted: Wanted): Promise<void> {
  const current = existing.config;
  const filters = (config: Partial<ConsumerConfig>) =>
    JSON.stringify(config.filter_subjects?.length ? [...config.filter_subjects].sort() : config.filter_subject ? [config.filter_subject] : []);
  if (current.ack_wait === wanted.ack_wait && current.max_deliver === wanted.max_deliver && filters(current) === filters(wanted)) return;
  await jsm.consumers.update(existing.stream_name, existing.name, {
    ack_wait: wanted.ack_wait,
    max_deliver: wanted.max_deliver,
    // The client merges this into the current config: switching between one and several
    // filters must clear the other field (undefined drops it from the request).
    filter_subject: wanted.filter_subject,
    filter_subjects: wanted.filter_subjects,
  });
}
