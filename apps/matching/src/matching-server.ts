import { connectNats, JetStreamServer } from '@bildungsraum/messaging';
import { MATCHING_CONSUMER } from './shared/infra/matching-store';
import { MatchingConfig } from './matching.config';

/** The event consumer of the hybrid app, on a connection of its own (drained when it closes). */
export async function matchingEventServer(config: MatchingConfig): Promise<JetStreamServer> {
  const connection = await connectNats({ url: config.NATS_URL, name: `matching-consumer-${process.pid}` });
  return new JetStreamServer({ connection, consumerName: MATCHING_CONSUMER, subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX, drainOnClose: true });
}
