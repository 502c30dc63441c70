import { Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomTransportStrategy } from '@nestjs/microservices';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { ServiceConfig } from '../config/service-config';
import { accessLogMiddleware } from '../http/access-log.middleware';
import { jsonBodyMiddleware } from '../http/json-body.middleware';
import { RawBodyRoute } from '../http/raw-body-route';
import { requestContextMiddleware } from '../http/request-context.middleware';
import { createLogger } from '../logging/logger';
import { PinoLoggerService } from '../logging/pino-logger.service';
import { Metrics } from '../metrics/metrics';
import { buildOpenApiDocument, serveOpenApi } from '../openapi/openapi';
import { PlatformModule } from './platform.module';

export interface BootstrapOptions {
  /** The service's own module; PlatformModule is imported next to it, so it need not (and should not) import it. */
  appModule: Type<unknown>;
  serviceName: string;
  config: ServiceConfig;
  /** The event consumer (JetStreamServer) for the hybrid app. */
  microservice?: CustomTransportStrategy;
  /** Default true; false builds the app without listening (e.g. to write the OpenAPI document). */
  listen?: boolean;
  apiVersion?: string;
  /** Tests read log lines from here; default stdout. */
  logDestination?: DestinationStream;
  /** Routes that take a non-JSON body too (e.g. a CSV upload); every other route stays JSON only. */
  rawBodyRoutes?: readonly RawBodyRoute[];
}

/** `TRUST_PROXY`: "true"/"false", a hop count, or addresses/subnets as Express understands them. */
function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Builds and starts a service: Nest app with pino logging, the HTTP pipeline (correlation id →
 * access log/metrics → JSON body with size limit and 415 for other formats), PlatformModule's
 * filter, pipe and guards, OpenAPI at /docs, shutdown hooks, the event consumer, then listens on PORT.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<NestExpressApplication> {
  const { config, serviceName } = options;
  const logger = createLogger({ serviceName, level: config.LOG_LEVEL, destination: options.logDestination });

  @Module({ imports: [PlatformModule.forRoot(config, { serviceName, logger }), options.appModule] })
  class ServiceRootModule {}

  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, { bodyParser: false, logger: new PinoLoggerService(logger) });
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', trustProxy(config.TRUST_PROXY));
  app.use(requestContextMiddleware);
  app.use(accessLogMiddleware(logger, app.get(Metrics)));
  app.use(jsonBodyMiddleware(config.HTTP_BODY_LIMIT, options.rawBodyRoutes));
  app.enableShutdownHooks();
  serveOpenApi(app, buildOpenApiDocument(app, { serviceName, version: options.apiVersion }));

  if (config.AUTH_MODE === 'local') {
    logger.warn('AUTH_MODE=local: Entwicklungs-Tokens werden akzeptiert / development tokens are accepted – never use in production');
  }
  if (options.microservice) {
    // inheritAppConfig: the problem filter then hands handler errors unchanged to the transport (Nest's
    // default RPC filter would turn them into { status: 'error' }). The guards pass non-HTTP contexts,
    // and the validation pipe skips arguments of handlers running inside runWithCause.
    app.connectMicroservice({ strategy: options.microservice }, { inheritAppConfig: true });
    if (options.listen !== false) await app.startAllMicroservices();
  }
  if (options.listen === false) {
    await app.init();
  } else {
    await app.listen(config.PORT);
    logger.info({ port: config.PORT }, `${serviceName} listening`);
  }
  return app;
}
