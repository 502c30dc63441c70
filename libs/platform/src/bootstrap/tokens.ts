/** The loaded ServiceConfig (or the service's subclass), also injectable by its class. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
