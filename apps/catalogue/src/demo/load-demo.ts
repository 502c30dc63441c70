import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { runWithCause } from '@bildungsraum/platform';
import { referenceDataDirectory } from '@bildungsraum/reference-data';
import { createCatalogueDataSource } from '../db/catalogue-data-source';
import { DomainError } from '@bildungsraum/domain-kernel';
import { offerRepository } from '../offers/infra/offer.repository';
import { createPublishedOffer } from '../offers/infra/create-published-offer';
import { DEMO_OFFERS, DEMO_PROVIDER_NAMES, DemoOffer, DemoProviderKey } from './demo-offers';
import { kursnetDemoOffers } from './kursnet-sample';

/** Stable ids (same scheme as the partners demo), so loading twice finds what the first run created. */
export function demoId(key: string): string {
  const hex = createHash('sha1').update(`bildungsraum-demo:catalogue:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface DemoPartnersFile {
  partners: Array<{ id: string; name: string; role: string }>;
}

export interface DemoOutcome {
  created: number;
  existing: number;
  /** Sample courses whose data the rules refuse (e.g. a postal code the reference data lacks). */
  refused: string[];
  skipped?: string;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Loads the demo catalogue for the demo providers of `.data/demo-partners.json` (written by the
 * partners demo): published offers with dates, through the domain rules and the outbox, so that
 * matching receives them as events. The providers are entered into the read model as verified
 * at version 0, so their real partners.* events (version ≥ 1) replace them when they arrive.
 */
export async function loadDemo(dataSource: DataSource, partnersFile: string, referenceDataDir = referenceDataDirectory()): Promise<DemoOutcome> {
  if (!existsSync(partnersFile)) return { created: 0, existing: 0, refused: [], skipped: `${partnersFile} fehlt / missing (run the partners demo first)` };
  const { partners } = JSON.parse(readFileSync(partnersFile, 'utf8')) as DemoPartnersFile;
  const providerIds = new Map<DemoProviderKey, { id: string; name: string }>();
  for (const [key, pattern] of Object.entries(DEMO_PROVIDER_NAMES) as Array<[DemoProviderKey, RegExp]>) {
    const found = partners.find((partner) => partner.role === 'provider' && pattern.test(partner.name));
    if (found) providerIds.set(key, found);
  }
  if (!providerIds.size) return { created: 0, existing: 0, refused: [], skipped: 'keine Demo-Bildungsträger / no demo providers' };
  for (const [key, provider] of providerIds) {
    await dataSource.query(
      `INSERT INTO provider_view (id, version, kind, name, status, azav_approved) VALUES ($1, 0, $2, $3, 'verified', $4) ON CONFLICT (id) DO NOTHING`,
      [provider.id, key === 'schule' ? 'school' : 'provider', provider.name, key !== 'schule'],
    );
  }
  const offers = [...DEMO_OFFERS, ...kursnetDemoOffers(referenceDataDir, [...providerIds.keys()])].filter((demo) => providerIds.has(demo.provider));
  const outcome: DemoOutcome = { created: 0, existing: 0, refused: [] };
  for (const demo of offers) {
    const provider = providerIds.get(demo.provider) as { id: string; name: string };
    try {
      const created = await dataSource.transaction((manager) => runWithCause({ correlationId: demoId('load-demo') }, () => createOne(manager, demo, provider)));
      outcome[created ? 'created' : 'existing'] += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome.refused.push(`${demo.key}: ${error.message}`);
    }
  }
  return outcome;
}

async function createOne(manager: EntityManager, demo: DemoOffer, provider: { id: string; name: string }): Promise<boolean> {
  const id = demoId(demo.key);
  if (await offerRepository.load(manager, id)) return false;
  const requested = demo.dates.map((date, index) => ({
    id: demoId(`${demo.key}:date:${index}`),
    startDate: day(date.startInDays),
    endDate: day(date.startInDays + date.lengthDays - 1),
    schedule: date.schedule,
    online: !date.venue,
    ...(date.venue ? { venue: date.venue } : {}),
    minParticipants: date.min,
    maxParticipants: date.max,
    seatsTaken: date.taken ?? 0,
  }));
  const { title, description = '', skills = [], hours, formats, language = 'de', targetGroups = [], accessibility = [], priceCents = 0, azavApproved = false, ...optional } = demo.offer;
  await createPublishedOffer(manager, {
    id,
    provider,
    content: { title, description, skills, hours, formats, language, targetGroups, accessibility, priceCents, azavApproved, ...optional },
    dates: requested,
  });
  return true;
}

/** Repository root (apps/catalogue/src/demo → four levels up). */
export const DEMO_PARTNERS_FILE = resolve(__dirname, '..', '..', '..', '..', '.data', 'demo-partners.json');

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL fehlt / DATABASE_URL is required');
  const dataSource = await createCatalogueDataSource(databaseUrl, { poolSize: 2 }).initialize();
  try {
    const outcome = await loadDemo(dataSource, DEMO_PARTNERS_FILE);
    process.stdout.write(`${JSON.stringify({ service: 'catalogue', demo: outcome })}\n`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`catalogue demo load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
