import { connect } from 'node:net';

/** True when a Docker engine answers on its socket (or DOCKER_HOST); no engine runs on the CI machines. */
export async function dockerAvailable(): Promise<boolean> {
  const host = process.env.DOCKER_HOST;
  if (host && !host.startsWith('unix://')) return true;
  const socketPath = host ? host.slice('unix://'.length) : '/var/run/docker.sock';
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(500, () => done(false));
  });
}

/** Postgres with PostGIS and NATS with JetStream in containers, for machines with a Docker engine. */
export async function startContainers(): Promise<{ adminUrl: string; natsUrl: string }> {
  // Loaded lazily: most runs (CI) never need the Docker client.
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { GenericContainer, Wait } = await import('testcontainers');
  const [postgres, nats] = await Promise.all([
    new PostgreSqlContainer('postgis/postgis:16-3.4').withUsername('postgres').withPassword('postgres').start(),
    new GenericContainer('nats:2.10-alpine')
      .withCommand(['-js'])
      .withExposedPorts(4222)
      .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
      .start(),
  ]);
  return {
    adminUrl: postgres.getConnectionUri(),
    natsUrl: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
  };
}
