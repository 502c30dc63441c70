import { Writable } from 'node:stream';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { bootstrapService, loadConfig, RawBodyRoute, ServiceConfig } from '../../src';
import { TestController } from './test-controller';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: NestExpressApplication;
  config: ServiceConfig;
  /** Every JSON log line the app wrote. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Captures pino's output to assert on log lines. */
function logSink(lines: Array<Record<string, unknown>>): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
}

@Module({ controllers: [TestController] })
class TestModule {}

/** Starts a real service through bootstrapService on an ephemeral port. */
export async function startTestApp(
  env: Record<string, string> = {},
  modules: Array<Type<unknown> | DynamicModule> = [],
  rawBodyRoutes: RawBodyRoute[] = [],
): Promise<TestApp> {
  const config = loadConfig(ServiceConfig, {
    PORT: '0',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    NATS_URL: 'nats://127.0.0.1:4222',
    LOG_LEVEL: 'debug',
    DEV_JWT_SECRET: TEST_SECRET,
    HTTP_BODY_LIMIT: '2kb',
    RATE_LIMIT_PUBLIC_LIMIT: '1000',
    ...env,
  });
  @Module({ imports: [TestModule, ...modules] })
  class AppModule {}
  const logs: Array<Record<string, unknown>> = [];
  const app = await bootstrapService({ appModule: AppModule, serviceName: 'platform-test', config, logDestination: logSink(logs), rawBodyRoutes });
  return { app, config, logs, close: () => app.close() };
}
