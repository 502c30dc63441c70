import { isIsoDate } from '../evaluate/dates';

export interface ValidationError {
  /** JSON path of the offending value, e.g. `versions[1].conditions[0].years`. */
  path: string;
  message: string;
}

/** Collects errors while walking operator-supplied JSON; each check returns whether it passed. */
export class Checker {
  readonly errors: ValidationError[] = [];

  fail(path: string, message: string): false {
    this.errors.push({ path, message });
    return false;
  }

  object(value: unknown, path: string): value is Record<string, unknown> {
    return (typeof value === 'object' && value !== null && !Array.isArray(value)) || this.fail(path, 'must be an object');
  }

  /** Unknown keys are errors: a misspelt rule ("greaterthan") must not silently pass. */
  onlyKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.fail(join(path, key), 'is not a known field');
  }

  array(value: unknown, path: string, { nonEmpty = false } = {}): value is unknown[] {
    if (!Array.isArray(value)) return this.fail(path, 'must be an array');
    return !nonEmpty || value.length > 0 || this.fail(path, 'must not be empty');
  }

  string(value: unknown, path: string, max = 200): value is string {
    if (typeof value !== 'string' || value.trim() === '') return this.fail(path, 'must be a non-empty string');
    return value.length <= max || this.fail(path, `must be at most ${max} characters`);
  }

  text(value: unknown, path: string): boolean {
    if (!this.object(value, path)) return false;
    this.onlyKeys(value, ['de', 'en'], path);
    return [this.string(value.de, join(path, 'de'), 500), this.string(value.en, join(path, 'en'), 500)].every(Boolean);
  }

  number(value: unknown, path: string, { min = 0, max = Number.MAX_SAFE_INTEGER, integer = false } = {}): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, 'must be a number');
    if (integer && !Number.isInteger(value)) return this.fail(path, 'must be an integer');
    return (value >= min && value <= max) || this.fail(path, `must be between ${min} and ${max}`);
  }

  percent(value: unknown, path: string): value is number {
    return this.number(value, path, { min: 0, max: 100 });
  }

  boolean(value: unknown, path: string): value is boolean {
    return typeof value === 'boolean' || this.fail(path, 'must be true or false');
  }

  isoDate(value: unknown, path: string): value is string {
    return isIsoDate(value) || this.fail(path, 'must be an ISO date (YYYY-MM-DD)');
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): value is T {
    return (typeof value === 'string' && (allowed as readonly string[]).includes(value)) || this.fail(path, `must be one of ${allowed.join(', ')}`);
  }

  strings(value: unknown, path: string, each: (s: unknown, p: string) => boolean = (s, p) => this.string(s, p, 100)): boolean {
    if (!this.array(value, path, { nonEmpty: true })) return false;
    return value.map((s, i) => each(s, `${path}[${i}]`)).every(Boolean);
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
