export * from './eventually';
export * from './infrastructure';
export * from './containers';
export * from './event-capture';
