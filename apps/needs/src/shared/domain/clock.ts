/** Injectable time, so that tests can move the expiry sweep's "today" without waiting. */
export type Clock = () => Date;
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = () => new Date();
