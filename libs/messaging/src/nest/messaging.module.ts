import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { assertValidPrefix, ProducingService } from '@bildungsraum/contracts';
import { connectNats, drainNats } from '../connection/nats-connection';
import { DEFAULT_STREAM_SETTINGS, ensureDeadLetterStream, ensureServiceStream, StreamSettings } from '../provisioning/streams';
import { JetStreamPublisher } from '../publisher/jetstream-publisher';

/** Injection token of the service's `NatsConnection`. */
export const NATS_CONNECTION = 'NATS_CONNECTION';
/** Injection token of the `JetStreamPublisher` (used by the outbox relay, nothing else). */
export const EVENT_PUBLISHER = 'EVENT_PUBLISHER';
const MESSAGING_OPTIONS = 'MESSAGING_OPTIONS';

export interface MessagingModuleOptions {
  /** NATS server URL(s), comma-separated. */
  url: string;
  /** Shown in the server's connection list, e.g. `partners-7f9c`. */
  connectionName: string;
  subjectPrefix?: string;
  /** The service whose stream this app publishes to; ensured at start-up. */
  produces?: ProducingService;
  streamSettings?: Partial<StreamSettings>;
}

/** Provisions streams at start-up and drains the connection last at shutdown. */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const jsm = await jetstreamManager(this.connection);
    const settings = { ...DEFAULT_STREAM_SETTINGS, ...this.options.streamSettings };
    if (this.options.produces) {
      const stream = await ensureServiceStream(jsm, this.options.produces, this.options.subjectPrefix, settings);
      this.logger.log(`Stream ${stream} ready`);
    }
    await ensureDeadLetterStream(jsm, this.options.subjectPrefix, settings);
  }

  // Runs after the microservices closed (Nest closes them before the shutdown hooks), so the
  // consumers have finished their in-flight handlers before the connection goes.
  async onApplicationShutdown(): Promise<void> {
    await drainNats(this.connection);
  }
}

/**
 * The NATS connection and the event publisher for one service, global so that the outbox relay,
 * health checks and the JetStreamServer find them.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    assertValidPrefix(options.subjectPrefix);
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: NATS_CONNECTION,
          // Fails start-up when no server answers, instead of a service that looks healthy but is not.
          useFactory: () => connectNats({ url: options.url, name: options.connectionName, waitOnFirstConnect: false }),
        },
        {
          provide: EVENT_PUBLISHER,
          inject: [NATS_CONNECTION],
          useFactory: (connection: NatsConnection) => new JetStreamPublisher(jetstream(connection), options.subjectPrefix),
        },
        MessagingLifecycle,
      ],
      exports: [NATS_CONNECTION, EVENT_PUBLISHER],
    };
  }
}
