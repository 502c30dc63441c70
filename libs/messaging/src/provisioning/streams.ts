import { DiscardPolicy, JetStreamApiError, JetStreamManager, RetentionPolicy, StorageType, StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import {
  DEAD_LETTER_STREAM,
  ProducingService,
  prefixedName,
  prefixedSubject,
  STREAMS,
  streamSubjects,
} from '@bildungsraum/contracts';

export interface StreamSettings {
  /** Retention by age so that a new downstream system can replay history (default 365 days). */
  maxAgeDays: number;
  /** Window in which JetStream drops a repeated `Nats-Msg-Id` (default 2 minutes). */
  duplicateWindowMs: number;
  /** Replicas in a cluster (R3 in production; 1 on one machine). */
  replicas: number;
}

export const DEFAULT_STREAM_SETTINGS: StreamSettings = {
  maxAgeDays: 365,
  duplicateWindowMs: 120_000,
  replicas: 1,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Stream name of a producing service under a deployment prefix, e.g. `t42_PARTNERS`. */
export function streamName(service: ProducingService, prefix?: string): string {
  return prefixedName(STREAMS[service], prefix);
}

/** Creates the stream or brings its settings up to date; safe to run from every replica at start-up. */
export async function ensureStream(
  jsm: JetStreamManager,
  name: string,
  subjects: string[],
  settings: StreamSettings = DEFAULT_STREAM_SETTINGS,
): Promise<void> {
  const config: Partial<StreamConfig> & { name: string } = {
    name,
    subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(settings.maxAgeDays * DAY_MS),
    duplicate_window: nanos(settings.duplicateWindowMs),
    num_replicas: settings.replicas,
  };
  try {
    const existing = await jsm.streams.info(name);
    const { name: _n, ...update } = config;
    if (needsUpdate(existing.config, config)) {
      await jsm.streams.update(name, { ...existing.config, ...update });
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.streams.add(config);
    } catch (addError) {
      // Another replica created it between our info and add: that is the state we wanted.
      if (!/already in use|already exists/i.test(String(addError))) throw addError;
    }
  }
}

export async function ensureServiceStream(
  jsm: JetStreamManager,
  service: ProducingService,
  prefix: string | undefined,
  settings: StreamSettings = DEFAULT_STREAM_SETTINGS,
): Promise<string> {
  const name = streamName(service, prefix);
  await ensureStream(jsm, name, streamSubjects(service, prefix), settings);
  return name;
}

/** Dead letters of every consumer, kept like the event streams so that operators can replay them. */
export async function ensureDeadLetterStream(
  jsm: JetStreamManager,
  prefix: string | undefined,
  settings: StreamSettings = DEFAULT_STREAM_SETTINGS,
): Promise<string> {
  const name = prefixedName(DEAD_LETTER_STREAM, prefix);
  await ensureStream(jsm, name, [prefixedSubject('deadletter.>', prefix)], settings);
  return name;
}

function needsUpdate(existing: StreamConfig, wanted: Partial<StreamConfig>): boolean {
  return (
    existing.max_age !== wanted.max_age ||
    existing.duplicate_window !== wanted.duplicate_window ||
    existing.num_replicas !== wanted.num_replicas ||
    JSON.stringify([...existing.subjects].sort()) !== JSON.stringify([...(wanted.subjects ?? [])].sort())
  );
}

export function isNotFound(error: unknown): boolean {
  if (error instanceof JetStreamApiError) return error.status === 404 || error.code === 10059 || error.code === 10014;
  return /not found/i.test(String(error));
}
