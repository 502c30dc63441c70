/** Injection token of the service's root pino logger. */
export const PINO_LOGGER = Symbol('PINO_LOGGER');
