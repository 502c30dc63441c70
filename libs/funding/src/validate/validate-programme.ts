import type { FundingProgramme } from '../model/programme';
import { PROGRAMME_KINDS } from '../model/programme';
import { Checker, join, type ValidationError } from './checks';
import { validateBenefits } from './validate-benefit';
import { validateConditions } from './validate-condition';

export type ProgrammeValidation = { valid: true; programme: FundingProgramme; errors: [] } | { valid: false; errors: ValidationError[] };

const PROGRAMME_FIELDS = ['id', 'name', 'legalBasis', 'kind', 'versions', 'notCombinableWith', 'subsidiary', 'example', 'sources'];
const VERSION_FIELDS = ['validFrom', 'validUntil', 'conditions', 'benefits', 'note'];
const ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

function validateVersions(c: Checker, value: unknown): void {
  if (!c.array(value, 'versions', { nonEmpty: true })) return;
  const periods: { from: string; until?: string; index: number }[] = [];
  value.forEach((version, i) => {
    const p = `versions[${i}]`;
    if (!c.object(version, p)) return;
    c.onlyKeys(version, VERSION_FIELDS, p);
    const from = c.isoDate(version.validFrom, join(p, 'validFrom')) ? version.validFrom : undefined;
    let until: string | undefined;
    if (version.validUntil !== undefined && c.isoDate(version.validUntil, join(p, 'validUntil'))) {
      until = version.validUntil;
      if (from && until < from) c.fail(join(p, 'validUntil'), 'must not be before validFrom');
    }
    if (version.note !== undefined) c.text(version.note, join(p, 'note'));
    validateConditions(c, version.conditions, join(p, 'conditions'));
    validateBenefits(c, version.benefits, join(p, 'benefits'));
    if (from) periods.push({ from, until, index: i });
  });
  // On any date at most one version may be in force, or the answer would depend on list order.
  periods.sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let k = 1; k < periods.length; k++) {
    const before = periods[k - 1];
    if (before.until === undefined || before.until >= periods[k].from) {
      c.fail(`versions[${periods[k].index}].validFrom`, `overlaps versions[${before.index}] (give it a validUntil before this date)`);
    }
  }
}

/**
 * Checks operator-supplied programme data (e.g. a JSON body) against the rule language. Every
 * error names its path; unknown fields are errors so that a typo cannot weaken a rule.
 */
export function validateProgramme(json: unknown): ProgrammeValidation {
  const c = new Checker();
  if (c.object(json, '')) {
    c.onlyKeys(json, PROGRAMME_FIELDS, '');
    if (c.string(json.id, 'id', 64) && !ID.test(json.id)) c.fail('id', 'must be lowercase letters, digits and hyphens');
    c.text(json.name, 'name');
    c.text(json.legalBasis, 'legalBasis');
    c.oneOf(json.kind, PROGRAMME_KINDS, 'kind');
    validateVersions(c, json.versions);
    if (json.notCombinableWith !== undefined && c.array(json.notCombinableWith, 'notCombinableWith')) {
      json.notCombinableWith.forEach((id, i) => {
        if (c.string(id, `notCombinableWith[${i}]`, 64) && id === json.id) c.fail(`notCombinableWith[${i}]`, 'a programme cannot exclude itself');
      });
    }
    for (const flag of ['subsidiary', 'example'] as const) if (json[flag] !== undefined) c.boolean(json[flag], flag);
    if (json.sources !== undefined && c.array(json.sources, 'sources')) json.sources.forEach((s, i) => c.string(s, `sources[${i}]`, 500));
  }
  if (c.errors.length > 0) return { valid: false, errors: c.errors };
  // Every field has been checked above, so the shape is the declared one.
  return { valid: true, programme: json as FundingProgramme, errors: [] };
}
