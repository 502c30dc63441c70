import { DynamicModule, Inject, Injectable, InjectionToken, Logger, Module, ModuleMetadata, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxPublisher, OutboxRelayOptions } from '../outbox/relay-options';

/** Injection token of the service's {@link OutboxRelay}. */
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');
const OUTBOX_ENABLED = Symbol('OUTBOX_RELAY_ENABLED');

export interface OutboxModuleOptions {
  schema: string;
  /** Token of the service's DataSource (default: the `DataSource` class). */
  dataSourceToken?: InjectionToken;
  /** Token of the publisher, e.g. `EVENT_PUBLISHER` from MessagingModule. */
  publisherToken: InjectionToken;
  /**
   * Whether this replica runs a relay (default true). A function is evaluated at bootstrap, e.g.
   * `() => process.env.OUTBOX_RELAY !== 'off'`; replicas without a relay still write the outbox.
   */
  enabled?: boolean | (() => boolean);
  /** Modules that provide the DataSource and publisher tokens, unless they are global. */
  imports?: ModuleMetadata['imports'];
  relay?: Pick<OutboxRelayOptions, 'batchSize' | 'concurrency' | 'claimIntervalMs' | 'pollIntervalMs' | 'minBackoffMs' | 'maxBackoffMs' | 'hooks'>;
}

/** Starts the relay once the application has bootstrapped and stops it first thing on shutdown. */
@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(OUTBOX_ENABLED) private readonly enabled: boolean | (() => boolean),
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const enabled = typeof this.enabled === 'function' ? this.enabled() : this.enabled;
    if (enabled) await this.relay.start();
  }

  /**
   * The earliest shutdown hook: the batch in flight finishes while the NATS connection and the
   * DataSource are still open (their owners close them in later hooks).
   */
  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}

@Module({})
export class OutboxModule {
  static forService(options: OutboxModuleOptions): DynamicModule {
    return {
      module: OutboxModule,
      imports: options.imports ?? [],
      providers: [
        { provide: OUTBOX_ENABLED, useValue: options.enabled ?? true },
        {
          provide: OUTBOX_RELAY,
          inject: [options.dataSourceToken ?? DataSource, options.publisherToken],
          useFactory: (dataSource: DataSource, publisher: OutboxPublisher) =>
            new OutboxRelay({
              ...options.relay,
              dataSource,
              schema: options.schema,
              publisher,
              logger: new Logger(`OutboxRelay(${options.schema})`),
            }),
        },
        OutboxRelayLifecycle,
      ],
      exports: [OUTBOX_RELAY],
    };
  }
}
