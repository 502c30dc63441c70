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
 * ceilingSql (candidates.ts) in memory, term by term in the same order, for the course date index:
 * a date's score ceiling for one need, from its row alone. `km`: its distance (null online).
 * Built once per need and step order, then called for every date in reach.
 */
export function memoryCeiling(order: CeilingOrder, filter: CandidateFilter): (date: CeilingDate, km: number | null) => number {
  const w = order.weights;
  const x = order.tables;
  const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + w[criterion], 0);
  const skillTotal = order.skills.reduce((sum, skill) => sum + skill.weight, 0);
  const known = w.skills + w.distance + w.dates + w.level + w.schedule + w.language + w.target_group + w.title;
  const schedules = new Map(x.schedules);
  const fromDay = dayNumber(filter.from);
  const radius = Math.max(1, filter.radiusKm);
  // The dates of one offer share its text: its bound is worked out once.
  const textBounds = new Map<string, { title: string; bound: number }>();
  const textBound = (date: CeilingDate): number => {
    const known = textBounds.get(date.textFolded);
    if (known && known.title === date.titleFolded) return known.bound;
    const bound = textRelevanceBound(order.pieces, date);
    textBounds.set(date.textFolded, { title: date.titleFolded, bound });
    return bound;
  };
  return (date, km) => {
    let coverage = 0;
    for (const skill of order.skills) if (date.skillUris.includes(skill.uri)) coverage += skill.weight;
    // An index past the table is NULL in SQL (coalesce: 1); the mask table covers every mask.
    const level = x.levelByDqr[date.dqrLevel ?? 0] ?? 1;
    return (
      (w.skills * coverage / (skillTotal > 0 ? skillTotal : 1) +
        w.distance * (km === null ? 1 : Math.max(0, 1 - 0.7 * Math.min(1, km / radius))) +
        w.dates * (1 - 0.3 * Math.min(1, Math.max(0, date.startDay - fromDay) / 180)) +
        w.level * level +
        w.schedule * (schedules.get(date.schedule) ?? 1) +
        w.language * (date.language === x.language ? x.languageSame : x.languageOther) +
        w.target_group * x.groupsByMask[date.groupMask]! +
        w.title * textBound(date) +
        (total - known)) /
      total
    );
  };
}
