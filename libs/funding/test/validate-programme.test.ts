import { FEDERAL_PROGRAMMES, SGB3_82, validateProgramme } from '../src';

/** The § 82 programme as JSON with one change at `path` (dot/bracket path; undefined deletes). */
function edited(path: string, value: unknown): unknown {
  const json = JSON.parse(JSON.stringify(SGB3_82)) as Record<string, unknown>;
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let target = json as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return json;
}

describe('validateProgramme', () => {
  it.each(FEDERAL_PROGRAMMES.map((p) => [p.id, p] as const))('accepts the seed %s as JSON', (_id, programme) => {
    expect(validateProgramme(JSON.parse(JSON.stringify(programme)))).toEqual({ valid: true, programme, errors: [] });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['id', 'SGB 3 § 82', 'id', /lowercase/],
    ['kind', 'grant', 'kind', /one of/],
    ['name', { de: 'Förderung' }, 'name.en', /non-empty/],
    ['versions', [], 'versions', /must not be empty/],
    ['versions[1].validFrom', '1.4.2024', 'versions[1].validFrom', /ISO date/],
    ['versions[0].validUntil', undefined, 'versions[1].validFrom', /overlaps versions\[0\]/],
    ['versions[0].validUntil', '2024-04-01', 'versions[1].validFrom', /overlaps/],
    ['versions[0].validUntil', '2018-12-31', 'versions[0].validUntil', /before validFrom/],
    ['versions[1].conditions[1]', { type: 'courseHours', greaterthan: 120 }, 'versions[1].conditions[1].greaterthan', /not a known field/],
    ['versions[1].conditions[1]', { type: 'courseHours' }, 'versions[1].conditions[1]', /at least one of/],
    ['versions[1].conditions[1]', { type: 'courseDuration', greaterThan: 120 }, 'versions[1].conditions[1].type', /one of/],
    ['versions[1].conditions[4].years', -2, 'versions[1].conditions[4].years', /between 1 and 50/],
    ['versions[1].conditions[0]', { type: 'companyRegion', states: ['XX'] }, 'versions[1].conditions[0].states[0]', /one of SH/],
    ['versions[1].conditions[0]', { type: 'companyRegion', districtKeys: ['6635'] }, 'versions[1].conditions[0].districtKeys[0]', /5-digit/],
    ['versions[1].conditions[0]', { type: 'anyOf', conditions: [] }, 'versions[1].conditions[0].conditions', /must not be empty/],
    ['versions[1].conditions[0]', { type: 'companyHeadCount', min: 500, max: 499 }, 'versions[1].conditions[0].max', /not be below min/],
    ['versions[1].benefits[0].bands[1].minHeadCount', 51, 'versions[1].benefits[0].bands[1].minHeadCount', /must be 50/],
    ['versions[1].benefits[0].bands[0].minHeadCount', 1, 'versions[1].benefits[0].bands[0].minHeadCount', /must be 0/],
    ['versions[1].benefits[0].bands[2].maxHeadCount', 100_000, 'versions[1].benefits[0].bands[2].maxHeadCount', /open-ended/],
    ['versions[1].benefits[0].bands[1].percent', 150, 'versions[1].benefits[0].bands[1].percent', /between 0 and 100/],
    ['versions[1].benefits[0].share', 'agency', 'versions[1].benefits[0].share', /employer, programme/],
    ['versions[1].benefits[0].waivers[0].label', undefined, 'versions[1].benefits[0].waivers[0].label', /object/],
    ['versions[1].benefits[1]', { type: 'courseFeeCoverage', percent: 100 }, 'versions[1].benefits[1]', /only one course-fee benefit/],
    ['versions[1].benefits[1]', { type: 'courseFeeCoverage', percent: 100, maxCentsPerParticipant: 1.5 }, 'versions[1].benefits[1].maxCentsPerParticipant', /integer/],
    ['notCombinableWith', ['sgb3-82'], 'notCombinableWith[0]', /exclude itself/],
    ['subsidiary', 'yes', 'subsidiary', /true or false/],
    ['color', 'red', 'color', /not a known field/],
  ])('rejects %s = %j at %s', (path, value, errorPath, message) => {
    const result = validateProgramme(edited(path, value));
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ path: errorPath, message: expect.stringMatching(message) });
  });

  it.each([null, 'sgb3-82', 42, []])('rejects %j as a whole', (json) => {
    expect(validateProgramme(json)).toEqual({ valid: false, errors: [{ path: '', message: 'must be an object' }] });
  });

  it('rejects nesting deeper than four levels', () => {
    let condition: unknown = { type: 'providerAzav' };
    for (let i = 0; i < 6; i++) condition = { type: 'allOf', conditions: [condition] };
    const result = validateProgramme(edited('versions[1].conditions[0]', condition));
    expect(result.errors).toContainEqual({ path: expect.stringMatching(/conditions\[0\]$/), message: 'nesting deeper than 4 levels' });
  });

  it('reports every error, not just the first', () => {
    const result = validateProgramme({ id: 'x', kind: 'voucher', versions: [{ validFrom: '2024-01-01', conditions: [], benefits: [] }] });
    expect(result.errors.map((e) => e.path)).toEqual(['id', 'name', 'legalBasis', 'versions[0].benefits']);
  });
});
