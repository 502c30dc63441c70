import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { appendToOutbox } from '@bildungsraum/persistence';
import { runWithCause } from '@bildungsraum/platform';
import { PostalCodeDirectory } from '@bildungsraum/reference-data';
import { createNeedsDataSource, NEEDS_SCHEMA } from '../db/needs-data-source';
import { Need } from '../needs/domain/need';
import { needEvents } from '../needs/infra/need-events';
import { needRepository } from '../needs/infra/need.repository';
import { DEMO_NEEDS } from './demo-needs';

/** What the partners demo writes (apps may not import each other, so the file is the interface). */
interface DemoPartners {
  partners: Array<{ id: string; name: string; role: string; network?: string }>;
}

/** Repository root (apps/needs/src/demo → four levels up). */
export const DEMO_PARTNERS_FILE = resolve(__dirname, '..', '..', '..', '..', '.data', 'demo-partners.json');

function demoId(key: string): string {
  const hex = createHash('sha1').update(`bildungsraum-demo-need:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Loads the demo needs as submitted, captured by the coordinator of the company's network during a
 * visit, with time windows counted from `now` (as the catalogue demo counts its dates). It
 * runs before the services start (npm start), so it writes needs and their outbox rows itself;
 * the relay publishes them once the service runs. Stable ids make a second run a no-op. The
 * company facts (size class, head count) are left out of these events: the read model of
 * partners is filled only when the service consumes the PARTNERS stream.
 */
export async function loadDemo(dataSource: DataSource, demo: DemoPartners, now = new Date()): Promise<{ created: number; skipped: number }> {
  const byName = (name: string) => demo.partners.find((partner) => partner.role === 'company' && partner.name.startsWith(name));
  const coordinatorOf = (network: string) => demo.partners.find((partner) => partner.role === 'coordinator' && partner.network === network);
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const postalCodes = new PostalCodeDirectory(dataSource, NEEDS_SCHEMA);
  let created = 0;
  let skipped = 0;
  for (const item of DEMO_NEEDS) {
    const company = byName(item.company);
    const place = await postalCodes.lookup(item.postalCode);
    if (!company || !place) {
      skipped += 1;
      continue;
    }
    const coordinator = coordinatorOf(item.network);
    const site = { postalCode: place.postalCode, city: place.placeName, location: place.location, districtKey: place.districtKey };
    const need = Need.create({
      id: demoId(item.key),
      companyId: company.id,
      company: { districtKey: place.districtKey },
      capturedBy: coordinator ? { partnerId: coordinator.id, role: 'coordinator', subject: 'demo' } : { partnerId: company.id, role: 'company', subject: 'demo' },
      content: { ...item.content, earliestStart: day(item.window.earliestStartInDays), latestEnd: day(item.window.latestEndInDays), site },
      now,
    });
    need.submit(true, { districtKey: place.districtKey }, now);
    await dataSource.transaction(async (manager) => {
      if (await needRepository.insert(manager, need)) {
        await appendToOutbox(manager, NEEDS_SCHEMA, needEvents(need, need.pullChanges(), { correlationId: demoId('load-demo') }));
        created += 1;
      } else skipped += 1;
    });
  }
  return { created, skipped };
}

async function main(): Promise<void> {
  if (!existsSync(DEMO_PARTNERS_FILE)) {
    process.stdout.write(`no demo partners (${DEMO_PARTNERS_FILE} missing): no demo needs\n`);
    return;
  }
  const demo = JSON.parse(readFileSync(DEMO_PARTNERS_FILE, 'utf8')) as DemoPartners;
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL fehlt / DATABASE_URL is required');
  const dataSource = await createNeedsDataSource(databaseUrl, { poolSize: 2 }).initialize();
  try {
    const outcome = await runWithCause({}, () => loadDemo(dataSource, demo));
    process.stdout.write(`demo needs: ${outcome.created} created, ${outcome.skipped} already there or skipped\n`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`demo load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
