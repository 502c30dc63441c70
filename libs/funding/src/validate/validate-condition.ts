import { STATE_CODES } from '../region/states';
import { Checker, join } from './checks';

const MAX_DEPTH = 4;
const withLabel = (...keys: string[]) => ['type', 'label', ...keys];

/** Fields each condition type may carry (besides `type` and `label`). */
const FIELDS: Record<string, readonly string[]> = {
  companyHeadCount: withLabel('min', 'max'),
  companyRegion: withLabel('states', 'districtKeys'),
  companyAgreement: withLabel(),
  affectedStaffShare: withLabel('bands'),
  courseHours: withLabel('greaterThan', 'atLeast', 'atMost'),
  courseAzav: withLabel('requireMeasureNumber'),
  providerAzav: withLabel(),
  courseTargetGroup: withLabel('anyOf'),
  participantTargetGroup: withLabel('anyOf'),
  participantAge: withLabel('atLeast', 'atMost'),
  participantSeverelyDisabled: withLabel(),
  notFundedWithinYears: withLabel('years', 'programmeIds'),
  qualificationAtLeastYearsAgo: withLabel('years'),
  allOf: withLabel('conditions'),
  anyOf: withLabel('conditions'),
};
export const CONDITION_TYPES = Object.keys(FIELDS);

function bounds(c: Checker, value: Record<string, unknown>, path: string, low: string[], high: string, opts: { integer?: boolean } = {}): void {
  const present = [...low, high].filter((k) => value[k] !== undefined);
  if (present.length === 0) c.fail(path, `needs at least one of ${[...low, high].join(', ')}`);
  for (const k of present) c.number(value[k], join(path, k), opts);
  const maxValue = value[high];
  for (const k of low) {
    const minValue = value[k];
    if (typeof minValue === 'number' && typeof maxValue === 'number' && minValue > maxValue) c.fail(join(path, high), `must not be below ${k}`);
  }
}

export function validateConditions(c: Checker, value: unknown, path: string, depth = 0): void {
  if (!c.array(value, path)) return;
  value.forEach((item, i) => validateCondition(c, item, `${path}[${i}]`, depth));
}

export function validateCondition(c: Checker, value: unknown, path: string, depth = 0): void {
  if (!c.object(value, path)) return;
  if (!c.oneOf(value.type, CONDITION_TYPES, join(path, 'type'))) return;
  c.onlyKeys(value, FIELDS[value.type], path);
  if (value.label !== undefined) c.text(value.label, join(path, 'label'));
  const at = (key: string) => join(path, key);
  switch (value.type) {
    case 'companyHeadCount': return bounds(c, value, path, ['min'], 'max', { integer: true });
    case 'courseHours': return bounds(c, value, path, ['greaterThan', 'atLeast'], 'atMost');
    case 'participantAge': return bounds(c, value, path, ['atLeast'], 'atMost', { integer: true });
    case 'companyRegion':
      if (value.states === undefined && value.districtKeys === undefined) c.fail(path, 'needs states or districtKeys');
      if (value.states !== undefined) c.strings(value.states, at('states'), (s, p) => c.oneOf(s, STATE_CODES, p));
      if (value.districtKeys !== undefined) c.strings(value.districtKeys, at('districtKeys'), (s, p) => (typeof s === 'string' && /^\d{5}$/.test(s)) || c.fail(p, 'must be a 5-digit district key (AGS)'));
      return;
    case 'affectedStaffShare': {
      if (!c.array(value.bands, at('bands'), { nonEmpty: true })) return;
      let previous = -1;
      value.bands.forEach((band, i) => {
        const p = `${at('bands')}[${i}]`;
        if (!c.object(band, p)) return;
        c.onlyKeys(band, ['fromHeadCount', 'minPercent'], p);
        c.percent(band.minPercent, join(p, 'minPercent'));
        if (!c.number(band.fromHeadCount, join(p, 'fromHeadCount'), { integer: true })) return;
        if (i === 0 && band.fromHeadCount !== 0) c.fail(join(p, 'fromHeadCount'), 'the first band must start at 0');
        if (band.fromHeadCount <= previous) c.fail(join(p, 'fromHeadCount'), 'bands must be in ascending order');
        previous = band.fromHeadCount;
      });
      return;
    }
    case 'courseAzav':
      if (value.requireMeasureNumber !== undefined) c.boolean(value.requireMeasureNumber, at('requireMeasureNumber'));
      return;
    case 'courseTargetGroup':
    case 'participantTargetGroup':
      c.strings(value.anyOf, at('anyOf'));
      return;
    case 'notFundedWithinYears':
      c.number(value.years, at('years'), { min: 1, max: 50, integer: true });
      if (value.programmeIds !== undefined) c.strings(value.programmeIds, at('programmeIds'));
      return;
    case 'qualificationAtLeastYearsAgo':
      c.number(value.years, at('years'), { min: 0, max: 50, integer: true });
      return;
    case 'allOf':
    case 'anyOf':
      if (depth >= MAX_DEPTH) {
        c.fail(path, `nesting deeper than ${MAX_DEPTH} levels`);
        return;
      }
      if (c.array(value.conditions, at('conditions'), { nonEmpty: true })) validateConditions(c, value.conditions, at('conditions'), depth + 1);
      return;
  }
}
