import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule, Provider, RequestMethod, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Logger } from 'pino';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { RolesGuard } from '../auth/roles.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { TOKEN_VERIFIER } from '../auth/tokens';
import { ServiceConfig } from '../config/service-config';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { ProblemValidationPipe } from '../errors/validation.pipe';
import { PublicRateLimitGuard } from '../http/public-rate-limit.guard';
import { requestContextMiddleware } from '../http/request-context.middleware';
import { createLogger } from '../logging/logger';
import { PINO_LOGGER } from '../logging/tokens';
import { Metrics } from '../metrics/metrics';
import { MetricsController } from '../metrics/metrics.controller';
import { SERVICE_CONFIG, SERVICE_NAME } from './tokens';

export interface PlatformOptions {
  serviceName: string;
  /** Defaults to a pino logger on stdout at LOG_LEVEL. */
  logger?: Logger;
}

/**
 * Everything a service shares, as global providers: config, logger, metrics, the problem filter,
 * the validation pipe and the guards (rate limit → authentication → roles, in that order).
 * bootstrapService imports it for you; the HTTP middleware (context, body parsing) lives there too.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  /** Also for apps built without bootstrapService (e.g. Test.createTestingModule): handlers always see a request context. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestContextMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  static forRoot(config: ServiceConfig, options: PlatformOptions): DynamicModule {
    const logger = options.logger ?? createLogger({ serviceName: options.serviceName, level: config.LOG_LEVEL });
    const configClass = config.constructor as Type<ServiceConfig>;
    const guards: Provider[] = [
      ...(config.RATE_LIMIT_ENABLED ? [{ provide: APP_GUARD, useClass: PublicRateLimitGuard }] : []),
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_GUARD, useClass: RolesGuard },
    ];
    const configProviders: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: ServiceConfig, useValue: config },
      ...(configClass !== ServiceConfig ? [{ provide: configClass, useValue: config }] : []),
    ];
    return {
      module: PlatformModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: config.RATE_LIMIT_PUBLIC_WINDOW_SECONDS * 1000, limit: config.RATE_LIMIT_PUBLIC_LIMIT }],
        }),
      ],
      controllers: [MetricsController],
      providers: [
        ...configProviders,
        { provide: SERVICE_NAME, useValue: options.serviceName },
        { provide: PINO_LOGGER, useValue: logger },
        { provide: Metrics, useValue: new Metrics(options.serviceName) },
        { provide: TOKEN_VERIFIER, useValue: new TokenVerifier(config) },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: ProblemValidationPipe },
        ...guards,
      ],
      exports: [SERVICE_CONFIG, ServiceConfig, ...(configClass !== ServiceConfig ? [configClass] : []), SERVICE_NAME, PINO_LOGGER, Metrics, TOKEN_VERIFIER],
    };
  }
}
