import { DynamicModule, FactoryProvider, Module, ModuleMetadata } from '@nestjs/common';
import { HealthCheck } from './health-check';
import { HEALTH_CHECKS, HealthController } from './health.controller';

export interface HealthModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  /** Receives the injected dependencies in order. */
  useFactory: (...dependencies: never[]) => HealthCheck[] | Promise<HealthCheck[]>;
}

/**
 * `/health/live` and `/health/ready`. A service passes its checks, usually
 * `HealthModule.forRootAsync({ inject: [DataSource, NATS_CONNECTION], useFactory: (db, nc) => [postgresCheck(db), natsCheck(nc)] })`.
 */
@Module({})
export class HealthModule {
  static forRoot(options: { checks: HealthCheck[] }): DynamicModule {
    return { module: HealthModule, controllers: [HealthController], providers: [{ provide: HEALTH_CHECKS, useValue: options.checks }] };
  }

  static forRootAsync(options: HealthModuleAsyncOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_CHECKS, inject: options.inject ?? [], useFactory: options.useFactory as (...args: unknown[]) => HealthCheck[] }],
    };
  }
}
