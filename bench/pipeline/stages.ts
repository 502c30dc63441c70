import { NatsConnection } from '@nats-io/nats-core';
import { tailEvents, TailedEvent } from '@bildungsraum/messaging';
import { percentile, round } from '../outbox/stats';

export interface StageFigures {
  /** due → needs.need.submitted written (HTTP queueing + request + transaction). */
  http: { p50: number; p99: number };
  /** need event written → proposal written (outbox relay, JetStream, matching's consumer and work). */
  matching: { p50: number; p99: number };
  /** proposal written → webhook at the receiver (relay, notifications' consumer, delivery). */
  delivery: { p50: number; p99: number };
}

/**
 * Where the time of a need goes, from the CloudEvent times (`ce-time`: when the producing
 * service committed the change): need submitted in needs, proposal in matching. Read back with
 * ephemeral ordered consumers after the run, so the measurement itself adds no load.
 */
export async function stageFigures(
  nc: NatsConnection,
  prefix: string,
  needs: ReadonlyArray<{ needId: string; dueAtWall: number }>,
  webhookAtWall: ReadonlyMap<string, number>,
): Promise<StageFigures> {
  const wanted = new Set(needs.map((need) => need.needId));
  const submittedAt = new Map<string, number>();
  const proposedAt = new Map<string, number>();
  let last = Date.now();
  const record = (event: TailedEvent) => {
    last = Date.now();
    const data = event.data as { id?: string; needId?: string };
    if (event.subject === 'needs.need.submitted.v1' && data.id && wanted.has(data.id)) submittedAt.set(data.id, Date.parse(event.attributes.time ?? ''));
    if (event.subject === 'matching.match.proposed.v1' && data.needId && wanted.has(data.needId) && !proposedAt.has(data.needId)) proposedAt.set(data.needId, Date.parse(event.attributes.time ?? ''));
  };
  const tails = await Promise.all(
    ['needs.need.submitted.v1', 'matching.match.proposed.v1'].map((pattern) => tailEvents(nc, { pattern, prefix, start: { from: 'start' }, onEvent: record })),
  );
  while (Date.now() - last < 2_000 && (submittedAt.size < wanted.size || proposedAt.size < wanted.size)) await new Promise((resolve) => setTimeout(resolve, 200));
  await Promise.all(tails.map((tail) => tail.stop()));
  const figures = (samples: number[]) => ({ p50: round(percentile(samples, 50), 1), p99: round(percentile(samples, 99), 1) });
  const http: number[] = [];
  const matching: number[] = [];
  const delivery: number[] = [];
  for (const need of needs) {
    const submitted = submittedAt.get(need.needId);
    const proposed = proposedAt.get(need.needId);
    const delivered = webhookAtWall.get(need.needId);
    if (submitted !== undefined) http.push(submitted - need.dueAtWall);
    if (submitted !== undefined && proposed !== undefined) matching.push(proposed - submitted);
    if (proposed !== undefined && delivered !== undefined) delivery.push(delivered - proposed);
  }
  return { http: figures(http), matching: figures(matching), delivery: figures(delivery) };
}
