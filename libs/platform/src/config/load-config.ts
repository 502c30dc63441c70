import { ClassConstructor, plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';

/** Values of these variables never appear in error messages: they are secrets or carry credentials. */
const SENSITIVE = /SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL|CREDENTIAL/i;

export interface ConfigIssue {
  variable: string;
  problems: string[];
  /** The offending value, unless the variable is sensitive or missing. */
  received?: string;
  /** Set but not shown, because it may hold a secret. */
  hidden?: boolean;
}

/**
 * Thrown when the environment does not describe a runnable service. The message names every bad
 * or missing variable so an operator can fix all of them in one go; services print it and exit 1.
 */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      [
        'Konfiguration ungültig – der Dienst startet nicht. / Invalid configuration – refusing to start.',
        ...issues.map((issue) => {
          const received = issue.hidden
            ? 'Wert verborgen / value hidden'
            : issue.received === undefined
              ? 'fehlt / missing'
              : `erhalten / got ${JSON.stringify(issue.received)}`;
          return `  - ${issue.variable} (${received}): ${issue.problems.join('; ')}`;
        }),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** The variables a config class declares: every property carries at least one validation decorator. */
function declaredVariables(configClass: ClassConstructor<object>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

function flatten(errors: ValidationError[], env: Record<string, string | undefined>): ConfigIssue[] {
  return errors.map((error) => {
    const raw = env[error.property];
    const present = raw !== undefined && raw !== '';
    const hidden = present && SENSITIVE.test(error.property);
    // Several decorators often say the same thing (IsInt/Min/Max share one message): list it once.
    const problems = [...new Set(Object.values(error.constraints ?? {}))];
    return { variable: error.property, problems, ...(present && !hidden ? { received: raw } : {}), ...(hidden ? { hidden } : {}) };
  });
}

/**
 * Reads a config class from environment variables. Only variables the class declares are copied
 * (so the config object never drags in unrelated secrets from the environment); empty strings
 * count as unset so `FOO=` falls back to the default. Defaults are field initialisers.
 */
export function loadConfig<T extends object>(configClass: ClassConstructor<T>, env: Record<string, string | undefined> = process.env): T {
  const picked: Record<string, string> = {};
  for (const variable of declaredVariables(configClass)) {
    const value = env[variable];
    if (value !== undefined && value !== '') picked[variable] = value;
  }
  const config = plainToInstance(configClass, picked);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(flatten(errors, env));
  return config;
}
