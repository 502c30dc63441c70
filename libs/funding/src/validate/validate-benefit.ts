import { Checker, join } from './checks';
import { validateConditions } from './validate-condition';

const FIELDS: Record<string, readonly string[]> = {
  courseFeeShare: ['type', 'share', 'bands', 'waivers', 'maxCentsPerParticipant'],
  courseFeeCoverage: ['type', 'percent', 'maxCentsPerParticipant'],
  wageSubsidy: ['type', 'bands', 'note'],
  wageReplacement: ['type', 'percentOfLostNetPay', 'percentWithChild'],
  leaveEntitlement: ['type', 'daysPerYear', 'note'],
};
export const BENEFIT_TYPES = Object.keys(FIELDS);
const FEE_BENEFITS = ['courseFeeShare', 'courseFeeCoverage'];

/** Head-count bands must cover every company size exactly once: from 0, gapless, the last open. */
function validateBands(c: Checker, value: unknown, path: string): void {
  if (!c.array(value, path, { nonEmpty: true })) return;
  let expectedMin = 0;
  value.forEach((band, i) => {
    const p = `${path}[${i}]`;
    if (!c.object(band, p)) return;
    c.onlyKeys(band, ['minHeadCount', 'maxHeadCount', 'percent'], p);
    c.percent(band.percent, join(p, 'percent'));
    if (!c.number(band.minHeadCount, join(p, 'minHeadCount'), { integer: true })) return;
    if (band.minHeadCount !== expectedMin) c.fail(join(p, 'minHeadCount'), `must be ${expectedMin} (bands start at 0 and leave no gap or overlap)`);
    const last = i === value.length - 1;
    if (band.maxHeadCount === undefined) {
      if (!last) c.fail(join(p, 'maxHeadCount'), 'only the last band may be open-ended');
      return;
    }
    if (!c.number(band.maxHeadCount, join(p, 'maxHeadCount'), { integer: true })) return;
    if (band.maxHeadCount < band.minHeadCount) c.fail(join(p, 'maxHeadCount'), 'must not be below minHeadCount');
    if (last) c.fail(join(p, 'maxHeadCount'), 'the last band must be open-ended (no maxHeadCount)');
    expectedMin = band.maxHeadCount + 1;
  });
}

export function validateBenefits(c: Checker, value: unknown, path: string): void {
  if (!c.array(value, path, { nonEmpty: true })) return;
  let fees = 0;
  value.forEach((benefit, i) => {
    const p = `${path}[${i}]`;
    if (!c.object(benefit, p) || !c.oneOf(benefit.type, BENEFIT_TYPES, join(p, 'type'))) return;
    c.onlyKeys(benefit, FIELDS[benefit.type], p);
    if (FEE_BENEFITS.includes(benefit.type) && ++fees > 1) c.fail(p, 'a version may have only one course-fee benefit');
    if (benefit.maxCentsPerParticipant !== undefined) c.number(benefit.maxCentsPerParticipant, join(p, 'maxCentsPerParticipant'), { integer: true });
    if (benefit.note !== undefined) c.text(benefit.note, join(p, 'note'));
    switch (benefit.type) {
      case 'courseFeeShare':
        c.oneOf(benefit.share, ['employer', 'programme'] as const, join(p, 'share'));
        validateBands(c, benefit.bands, join(p, 'bands'));
        if (benefit.waivers !== undefined && c.array(benefit.waivers, join(p, 'waivers'))) {
          benefit.waivers.forEach((w, j) => {
            const wp = `${join(p, 'waivers')}[${j}]`;
            if (!c.object(w, wp)) return;
            c.onlyKeys(w, ['when', 'label'], wp);
            c.text(w.label, join(wp, 'label'));
            if (c.array(w.when, join(wp, 'when'), { nonEmpty: true })) validateConditions(c, w.when, join(wp, 'when'));
          });
        }
        return;
      case 'courseFeeCoverage':
        c.percent(benefit.percent, join(p, 'percent'));
        return;
      case 'wageSubsidy':
        if (benefit.bands !== undefined) validateBands(c, benefit.bands, join(p, 'bands'));
        return;
      case 'wageReplacement':
        c.percent(benefit.percentOfLostNetPay, join(p, 'percentOfLostNetPay'));
        c.percent(benefit.percentWithChild, join(p, 'percentWithChild'));
        return;
      case 'leaveEntitlement':
        c.number(benefit.daysPerYear, join(p, 'daysPerYear'), { max: 366 });
        return;
    }
  });
}
