import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESSIBILITY, DOMAINS, TARGET_GROUPS } from './domains';

export { seededRandom as random } from '@bildungsraum/testing';

export interface Place {
  postalCode: string;
  city: string;
  lat: number;
  lon: number;
}

/** Real German postal codes with a place name and coordinates (GeoNames export in the shared data). */
export function loadPlaces(referenceDataDir: string): Place[] {
  const lines = readFileSync(join(referenceDataDir, 'geo', 'plz_geonames_DE.csv'), 'utf8').split(/\r?\n/).slice(1);
  const byCode = new Map<string, Place>();
  for (const line of lines) {
    const cells = line.split(',');
    const [, code, place] = cells;
    const lat = Number(cells[cells.length - 2]);
    const lon = Number(cells[cells.length - 1]);
    if (!code || !/^\d{5}$/.test(code) || byCode.has(code) || !Number.isFinite(lat) || !place || /GmbH|AG\b|Postfach/.test(place)) continue;
    byCode.set(code, { postalCode: code, city: place, lat, lon });
  }
  return [...byCode.values()];
}

export interface GeneratedOffer {
  provider: number;
  content: Record<string, unknown>;
  dates: Array<Record<string, unknown>>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** One offer with `datesPerOffer` dates, mostly on site at real postal codes, some online. */
export function generateOffer(next: () => number, places: Place[], providers: number, datesPerOffer: number): GeneratedOffer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const between = ([low, high]: [number, number]) => Math.round(low + next() * (high - low));
  const domain = pick(DOMAINS);
  const topic = pick(domain.topics);
  const online = next() < 0.12;
  const hours = between(domain.hours);
  const azav = next() < 0.55;
  const home = pick(places);
  const content: Record<string, unknown> = {
    title: `${topic} – ${pick(domain.variants)}`,
    description: [pick(domain.sentences), pick(domain.sentences), pick(domain.sentences)].join(' '),
    skills: domain.skills.length && next() < 0.6 ? [pick(domain.skills)] : [],
    ...(domain.kldb.length ? { occupationKldb: pick(domain.kldb) } : {}),
    certificate: pick(domain.certificates),
    dqrLevel: between(domain.dqr),
    hours,
    formats: online ? ['online_live'] : next() < 0.2 ? ['presence', 'blended'] : ['presence'],
    language: next() < 0.95 ? 'de' : 'en',
    targetGroups: [...new Set([pick(TARGET_GROUPS), pick(TARGET_GROUPS)])],
    accessibility: next() < 0.4 ? [pick(ACCESSIBILITY)] : [],
    priceCents: between(domain.priceEuro) * 100,
    azavApproved: azav,
    ...(azav ? { measureNumber: `${900 + Math.floor(next() * 99)}/${Math.floor(next() * 9000) + 1000}/2025` } : {}),
  };
  const dates = Array.from({ length: datesPerOffer }, () => {
    const start = Math.floor(next() * 330) - 20; // some already running, most in the coming year
    const length = Math.max(1, Math.round(hours / (next() < 0.6 ? 8 : 3)));
    const max = 8 + Math.floor(next() * 17);
    // Most dates near the provider's home, some elsewhere (branches).
    const place = next() < 0.7 ? home : pick(places);
    return {
      startDate: day(start),
      endDate: day(start + length),
      schedule: pick(['full_time', 'full_time', 'part_time', 'evening', 'weekend']),
      online,
      ...(online ? {} : { venue: { name: 'Schulungszentrum', street: `Industriestraße ${1 + Math.floor(next() * 120)}`, postalCode: place.postalCode, city: place.city, location: { lat: place.lat, lon: place.lon } } }),
      minParticipants: next() < 0.7 ? Math.min(max, 4 + Math.floor(next() * 6)) : 0,
      maxParticipants: max,
      seatsTaken: Math.floor(next() * (max + 1)),
    };
  });
  return { provider: Math.floor(next() * providers), content, dates };
}
