export * from './domain-error';
export * from './actor';
