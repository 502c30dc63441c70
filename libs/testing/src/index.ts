export * from './eventually';
export * from './infrastructure';
export * from './containers';
export * from './event-capture';
export * from './private-nats-server';
export * from './read-stream';
export * from './platform/start-platform';
export * from './platform/platform-tokens';
