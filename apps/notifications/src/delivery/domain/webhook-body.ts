/**
 * The Standard Webhooks body `{ type, timestamp, data }`, data = the CloudEvent. Rendered from the
 * event's JSON text once per event (not once per delivery); only the signature is per delivery.
 */
export function webhookBody(type: string, time: string, eventJson: string): string {
  return `{"type":${JSON.stringify(type)},"timestamp":${JSON.stringify(time)},"data":${eventJson}}`;
}
