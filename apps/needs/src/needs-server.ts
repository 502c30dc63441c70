import { connectNats, JetStreamServer } from '@bildungsraum/messaging';
import { NEEDS_CONSUMER } from './directory/events/partner-events.handler';
import { NeedsConfig } from './needs.config';

/** The event consumer of the hybrid app, on a connection of its own (drained when it closes). */
export async function needsEventServer(config: NeedsConfig): Promise<JetStreamServer> {
  const connection = await connectNats({ url: config.NATS_URL, name: `needs-consumer-${process.pid}` });
  return new JetStreamServer({ connection, consumerName: NEEDS_CONSUMER, subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX, drainOnClose: true });
}
