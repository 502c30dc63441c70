import { MATCH_CRITERIA } from '@bildungsraum/contracts';
import { DESCRIPTION_FACTOR, FULL_MATCH_WORDS } from '../domain/text-relevance';
import type { CandidateFilter, CeilingOrder } from './candidates';

/** The radius PostGIS uses for geography on the sphere (WGS 84's mean radius, (2a + b) / 3). */
const SPHERE_RADIUS_M = 6371008.7714150598;
const RADIANS = Math.PI / 180;

/**
 * Metres between two points on the sphere, as PostGIS' sphere_distance computes them (the
 * geography `ST_Distance(a, b, false)` of geo-sql.ts): the same formula, so a date at the edge of
 * a radius is in reach or not alike for the index and for SQL (the offer reach).
 */
export function sphereMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const [latA, latB, dLon] = [lat1 * RADIANS, lat2 * RADIANS, (lon2 - lon1) * RADIANS];
  const [sinA, cosA, sinB, cosB, cosDLon] = [Math.sin(latA), Math.cos(latA), Math.sin(latB), Math.cos(latB), Math.cos(dLon)];
  const across = Math.hypot(cosB * Math.sin(dLon), cosA * sinB - sinA * cosB * cosDLon);
  const along = sinA * sinB + cosA * cosB * cosDLon;
  return Math.atan2(across, along) * SPHERE_RADIUS_M;
}

/** A point as a unit vector on the sphere (NaNs for NaN coordinates). */
export function unitVector(lon: number, lat: number): [number, number, number] {
  const [phi, lambda] = [lat * RADIANS, lon * RADIANS];
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/**
 * The least dot product of unit vectors `metres` apart or closer, a little generous: a cheap
 * test that passes every point sphereMetres puts within `metres` (it decides at the edge).
 */
export const reachDot = (metres: number): number => Math.cos(Math.min(Math.PI, (metres + 1) / SPHERE_RADIUS_M));

/** What the ceiling reads of a course date (an IndexedDate has it all). */
export interface CeilingDate {
  skillUris: readonly string[];
  startDay: number;
  schedule: string;
  dqrLevel: number | null;
  language: string | null;
  groupMask: number;
  titleFolded: string;
  textFolded: string;
}

/** Days since 1970-01-01 of an ISO date (what `date - date` counts in SQL). */
export const dayNumber = (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** textRelevanceBoundSql in memory: `includes` of a folded piece is the SQL `LIKE '%piece%'`. */
export function textRelevanceBound(pieces: ReadonlyArray<readonly string[]>, date: Pick<CeilingDate, 'titleFolded' | 'textFolded'>): number {
  const words = pieces.filter((word) => word.length);
  if (!words.length) return 0;
  let sum = 0;
  for (const word of words) {
    if (word.some((piece) => date.titleFolded.includes(piece))) sum += 1;
    else if (word.some((piece) => date.textFolded.includes(piece))) sum += DESCRIPTION_FACTOR;
  }
  return Math.min(1, sum / Math.min(words.length, FULL_MATCH_WORDS));
}

/**
 * ceilingSql (candidates.ts) in memory, term by term in the same order: a date's score ceiling for
 * one need from its terms – `coverage`, the weight of the need's skills it teaches; `km` (null
 * online); its start day; its DQR level (0: none); what its schedule is worth to the need
 * (`scheduleValue`); whether it is in the need's language; its target group mask; the bound of its
 * text relevance (textRelevanceBound). Built once per need, then called for every date in reach.
 */
export function memoryCeiling(
  order: CeilingOrder,
  filter: CandidateFilter,
): (coverage: number, km: number | null, startDay: number, dqrLevel: number, scheduleValue: number, sameLanguage: boolean, groupMask: number, textBound: number) => number {
  const w = order.weights;
  const x = order.tables;
  const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + w[criterion], 0);
  const skillTotal = order.skills.reduce((sum, skill) => sum + skill.weight, 0);
  const known = w.skills + w.distance + w.dates + w.level + w.schedule + w.language + w.target_group + w.title;
  const fromDay = dayNumber(filter.from);
  const radius = Math.max(1, filter.radiusKm);
  return (coverage, km, startDay, dqrLevel, scheduleValue, sameLanguage, groupMask, textBound) =>
    (w.skills * coverage / (skillTotal > 0 ? skillTotal : 1) +
      w.distance * (km === null ? 1 : Math.max(0, 1 - 0.7 * Math.min(1, km / radius))) +
      w.dates * (1 - 0.3 * Math.min(1, Math.max(0, startDay - fromDay) / 180)) +
      // An index past the table is NULL in SQL (coalesce: 1); the mask table covers every mask.
      w.level * (x.levelByDqr[dqrLevel] ?? 1) +
      w.schedule * scheduleValue +
      w.language * (sameLanguage ? x.languageSame : x.languageOther) +
      w.target_group * x.groupsByMask[groupMask]! +
      w.title * textBound +
      (total - known)) /
    total;
}

/** memoryCeiling for one date object (an overlay's: the caller's own changes). */
export function objectCeiling(order: CeilingOrder, filter: CandidateFilter): (date: CeilingDate, km: number | null) => number {
  const ceiling = memoryCeiling(order, filter);
  const schedules = new Map(order.tables.schedules);
  return (date, km) => {
    const coverage = order.skills.reduce((sum, skill) => (date.skillUris.includes(skill.uri) ? sum + skill.weight : sum), 0);
    const textBound = textRelevanceBound(order.pieces, date);
    return ceiling(coverage, km, date.startDay, date.dqrLevel ?? 0, schedules.get(date.schedule) ?? 1, date.language === order.tables.language, date.groupMask, textBound);
  };
}
