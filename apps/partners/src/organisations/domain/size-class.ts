import { SizeClass } from '@bildungsraum/contracts';

/**
 * EU size class from head count (Commission Recommendation 2003/361/EC, staff criterion only):
 * micro < 10, small < 50, medium < 250, large from 250. Turnover is not asked for, so the
 * head count alone decides; funding rules of § 82 SGB III band by head count as well.
 */
export function sizeClassFor(employees: number): SizeClass {
  if (!Number.isInteger(employees) || employees < 0) {
    throw new RangeError(`employees must be a non-negative integer, got ${employees}`);
  }
  if (employees < 10) return 'micro';
  if (employees < 50) return 'small';
  if (employees < 250) return 'medium';
  return 'large';
}
