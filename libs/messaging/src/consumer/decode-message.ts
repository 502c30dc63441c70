import { JsMsg } from '@nats-io/jetstream';
import { CloudEvent, CloudEventAttributes, EventDefinition, eventTypeOfSubject, findEventDefinition, fromHeaders, validatePayload } from '@bildungsraum/contracts';

export type DecodedMessage =
  | { ok: true; event: CloudEvent; definition: EventDefinition }
  /** `type` is taken from the subject, so the dead letter lands under the right event type. */
  | { ok: false; type: string; reason: string };

/**
 * Turns a stream message into a validated CloudEvent. Anything that is not one, or whose payload
 * breaks its contract, is reported with a reason: retrying cannot make it valid, so the runner
 * parks it at once.
 */
export function decodeMessage(msg: JsMsg, prefix: string | undefined): DecodedMessage {
  const type = eventTypeOfSubject(msg.subject, prefix);
  const invalid = (reason: string): DecodedMessage => ({ ok: false, type, reason });

  const { attributes, missing } = fromHeaders((name) => msg.headers?.get(name) || undefined);
  if (missing.length) return invalid(`not a CloudEvent: missing ${missing.map((name) => `ce-${name}`).join(', ')}`);
  if (attributes.specversion !== '1.0') return invalid(`unsupported CloudEvents specversion ${String(attributes.specversion)}`);
  if (attributes.type !== type) return invalid(`ce-type ${String(attributes.type)} does not match subject ${msg.subject}`);
  const definition = findEventDefinition(type);
  if (!definition) return invalid(`unknown event type ${type}: no contract in the catalogue`);

  let body: unknown;
  try {
    body = JSON.parse(msg.string());
  } catch (error) {
    return invalid(`payload is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { value, violations } = validatePayload(definition, body);
  if (!value) {
    const details = violations.map((violation) => `${violation.path || '(payload)'}: ${violation.messages.join(', ')}`);
    return invalid(`payload breaks contract ${type}: ${details.join('; ')}`);
  }
  const event: CloudEvent = {
    ...(attributes as CloudEventAttributes),
    datacontenttype: 'application/json',
    data: value,
  };
  return { ok: true, event, definition };
}
