export * from './connection/nats-connection';
export * from './provisioning/streams';
export * from './publisher/jetstream-publisher';
