import { connectNats, JetStreamServer } from '@bildungsraum/messaging';
import { NOTIFICATIONS_CONSUMER } from './delivery/events/notify-events.handler';
import { NotificationsConfig } from './notifications.config';

/** The event consumer of the hybrid app, on a connection of its own (drained when it closes). */
export async function notificationsEventServer(config: NotificationsConfig): Promise<JetStreamServer> {
  const connection = await connectNats({ url: config.NATS_URL, name: `notifications-consumer-${process.pid}` });
  return new JetStreamServer({
    connection,
    consumerName: NOTIFICATIONS_CONSUMER,
    subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX,
    concurrency: config.CONSUMER_CONCURRENCY,
    drainOnClose: true,
  });
}
