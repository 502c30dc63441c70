import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { CloudEvent, prefixedSubject, toHeaders } from '@bildungsraum/contracts';
import { MatchingHarness } from './matching-harness';

/**
 * Publishes an event a second time under another Nats-Msg-Id, so JetStream's duplicate window
 * does not drop it: the consumer sees the same event id twice, as after a redelivery.
 */
export async function publishAgain(h: MatchingHarness, event: CloudEvent): Promise<void> {
  const { data, ...attributes } = event;
  const headers = natsHeaders();
  for (const [name, value] of Object.entries(toHeaders(attributes))) headers.set(name, value);
  headers.set('content-type', 'application/json');
  await jetstream(h.nats).publish(prefixedSubject(event.type, h.infra.subjectPrefix), JSON.stringify(data), { msgID: `${event.id}:again`, headers });
}
