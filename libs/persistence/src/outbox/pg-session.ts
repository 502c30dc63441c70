import { Client, ClientConfig } from 'pg';

/**
 * One dedicated Postgres connection that is re-established on demand after it broke (database
 * restart, network). Errors on an idle client are swallowed here and surface as a reconnect on
 * the next use instead of crashing the process.
 */
export class PgSession {
  private current?: Promise<Client>;

  constructor(
    private readonly config: ClientConfig,
    private readonly onConnect: (client: Client) => Promise<void> = async () => undefined,
  ) {}

  client(): Promise<Client> {
    this.current ??= this.open();
    return this.current;
  }

  /** Drops the connection; the next `client()` opens a new one. */
  async reset(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    if (!previous) return;
    try {
      await (await previous).end();
    } catch {
      // The connection is already gone; nothing left to close.
    }
  }

  private async open(): Promise<Client> {
    const client = new Client(this.config);
    client.on('error', () => void this.forget(client));
    client.on('end', () => void this.forget(client));
    try {
      await client.connect();
      await this.onConnect(client);
      return client;
    } catch (error) {
      this.current = undefined;
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private async forget(client: Client): Promise<void> {
    if (this.current && (await this.current.catch(() => undefined)) === client) this.current = undefined;
  }
}
