import pino, { DestinationStream, Logger } from 'pino';
import { currentCorrelationId } from '../context/request-context';
import type { LogLevel } from '../config/service-config';

export interface LoggerOptions {
  serviceName: string;
  level: LogLevel;
  /** Defaults to stdout; tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

/**
 * JSON lines on stdout, one object per event, with the service name and – inside a request or
 * event handler – the correlation id on every line, so a single id finds a whole chain across services.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.serviceName },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.secret'], censor: '[redacted]' },
    },
    // Synchronous stdout: a crash must not swallow the last lines that explain it.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
