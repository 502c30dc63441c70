import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { ensureStream } from '@bildungsraum/messaging';

/**
 * The floor under the pipeline: one JetStream publish → durable pull consumer delivery on the
 * same server, at the same offered rate, open loop (each message's time counts from when it was
 * due). Stream and consumer live under the run's prefix and are deleted afterwards.
 */
export async function rawRoundTrip(nc: NatsConnection, prefix: string, ratePerSecond: number, seconds: number): Promise<number[]> {
  const jsm = await jetstreamManager(nc);
  const stream = `${prefix}_BENCH_RAW`;
  const subject = `${prefix}.bench.raw`;
  await ensureStream(jsm, stream, [subject]);
  await jsm.consumers.add(stream, { durable_name: 'roundtrip', ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.New });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(stream, 'roundtrip');
  const total = ratePerSecond * seconds;
  const due = new Float64Array(total);
  const latencies: number[] = [];
  const messages = await consumer.consume({ max_messages: 256 });
  const received = (async () => {
    for await (const msg of messages) {
      latencies.push(performance.now() - due[Number(msg.string())]);
      msg.ack();
      if (latencies.length === total) break;
    }
  })();
  const start = performance.now();
  const publishes: Array<Promise<unknown>> = [];
  for (let i = 0; i < total; i++) {
    due[i] = start + (i * 1000) / ratePerSecond;
    const wait = due[i] - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    publishes.push(js.publish(subject, String(i)));
  }
  await Promise.all(publishes);
  await received;
  messages.stop();
  await jsm.streams.delete(stream);
  return latencies;
}
