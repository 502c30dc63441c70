import type { FundingQuery } from '../model/query';
import { stateOfDistrict } from '../region/states';
import { isIsoDate } from './dates';

const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Programming errors in a query fail loudly; missing optional facts are "to be checked" instead. */
export function assertValidQuery(query: FundingQuery): void {
  const problems: string[] = [];
  if (!isCount(query.company.headCount)) problems.push('company.headCount must be a non-negative integer');
  const district = query.company.districtKey;
  if (district !== undefined && !stateOfDistrict(district)) problems.push('company.districtKey must be a 5-digit district key (AGS) starting 01–16');
  if (!isCount(query.course.priceCents)) problems.push('course.priceCents must be a non-negative integer (euro cents)');
  if (!(typeof query.course.hours === 'number' && query.course.hours >= 0)) problems.push('course.hours must be a non-negative number');
  if (query.course.startDate !== undefined && !isIsoDate(query.course.startDate)) problems.push('course.startDate must be an ISO date (YYYY-MM-DD)');
  if (query.participants.length === 0) problems.push('participants must not be empty');
  query.participants.forEach((p, i) => {
    if (p.count !== undefined && !(isCount(p.count) && p.count >= 1)) problems.push(`participants[${i}].count must be a positive integer`);
    if (p.lostNetPayCents !== undefined && !isCount(p.lostNetPayCents)) problems.push(`participants[${i}].lostNetPayCents must be a non-negative integer`);
  });
  if (problems.length > 0) throw new RangeError(`invalid funding query: ${problems.join('; ')}`);
}
