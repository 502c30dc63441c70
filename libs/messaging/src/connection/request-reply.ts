
interface RequestOneInternals {
  timer?: { cancel(): void };
  deferred: { resolve(msg: unknown): void };
  mux: { cancel(request: unknown): void };
  resolver(err: Error | null, msg: unknown): void;
}

// The class behind nc.request(); exported only under the package's `./internal` entry, which this
// workspace's module resolution (node10) cannot name in an import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RequestOne } = require('@nats-io/nats-core/internal') as { RequestOne: { prototype: unknown } };

let patched = false;

/**
 * nats-core 3.x answers a request's reply by resolving its promise and then calling `cancel()`,
 * which rejects that already resolved promise with a new `RequestError('cancelled')` – an Error,
 * stack trace captured, built for every JetStream publish (each is a request) and thrown away:
 * ~1 % of the needs service's CPU at 500 submissions/s (bench/needs-intake). For a reply this
 * does what the original does (stop the timer, resolve, leave the reply subscription) without
 * that Error; errors and timeouts take the original path unchanged.
 */
export function skipCancelErrorOnReply(): void {
  if (patched) return;
  patched = true;
  const prototype = RequestOne.prototype as unknown as RequestOneInternals;
  const original = prototype.resolver;
  prototype.resolver = function (this: RequestOneInternals, err: Error | null, msg: unknown): void {
    if (err) return original.call(this, err, msg);
    this.timer?.cancel();
    this.deferred.resolve(msg);
    this.mux.cancel(this);
  };
}
