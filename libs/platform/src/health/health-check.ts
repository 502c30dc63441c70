/** A readiness check: resolves when the dependency is usable, throws (or times out) when not. */
export interface HealthCheck {
  name: string;
  check(): Promise<unknown>;
  /** Default 2 s: a readiness probe must answer quickly even when a dependency hangs. */
  timeoutMs?: number;
}

export interface CheckResult {
  status: 'up' | 'down';
  durationMs: number;
  error?: string;
}

/** Structural types, so this lib needs neither TypeORM nor NATS to offer the standard checks. */
export interface Queryable {
  query(sql: string): Promise<unknown>;
}
export interface NatsConnectionLike {
  isClosed(): boolean;
  flush(): Promise<void>;
}

/** `SELECT 1` through the service's DataSource (or pg Pool). */
export function postgresCheck(database: Queryable, name = 'postgres'): HealthCheck {
  return { name, check: () => database.query('SELECT 1') };
}

/** The connection is open and the server answers a PING (flush waits for the PONG). */
export function natsCheck(connection: NatsConnectionLike, name = 'nats'): HealthCheck {
  return {
    name,
    check: async () => {
      if (connection.isClosed()) throw new Error('NATS connection is closed');
      await connection.flush();
    },
  };
}

export async function runCheck(check: HealthCheck): Promise<CheckResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${check.timeoutMs ?? 2000} ms`)), check.timeoutMs ?? 2000);
    });
    await Promise.race([check.check(), timeout]);
    return { status: 'up', durationMs: Date.now() - started };
  } catch (error) {
    return { status: 'down', durationMs: Date.now() - started, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
