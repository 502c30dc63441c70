import { ClassConstructor } from 'class-transformer';
import { ConfigError, loadConfig } from '../config/load-config';

/** For main.ts: a service with a bad environment prints every problem and refuses to start (exit 1). */
export function loadConfigOrExit<T extends object>(configClass: ClassConstructor<T>, env: Record<string, string | undefined> = process.env): T {
  try {
    return loadConfig(configClass, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
