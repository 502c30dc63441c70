import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { PostalCodeDirectory } from '@bildungsraum/reference-data';
import { runWithCause } from '@bildungsraum/platform';
import { createPartnersDataSource, PARTNERS_SCHEMA } from '../db/partners-data-source';
import { Network } from '../networks/domain/network';
import { networkRepository } from '../networks/infra/network.repository';
import { Organisation } from '../organisations/domain/organisation';
import { organisationRepository } from '../organisations/infra/organisation.repository';
import { SiteResolver } from '../organisations/infra/site-resolver';
import { networkEvents, organisationEvents } from '../shared/infra/partner-events';
import { PartnersStore } from '../shared/infra/partners-store';
import { DEMO_NETWORKS, DEMO_ORGANISATIONS, DemoOrganisation } from './demo-region';

/** Stable ids, so that loading twice finds what the first run created (idempotent). */
export function demoId(key: string): string {
  const hex = createHash('sha1').update(`bildungsraum-demo:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface DemoPartners {
  networks: Record<string, { id: string; name: string; districtKeys: string[] }>;
  /** Demo organisations with the role their users have; `npm start` mints one token per role (first match). */
  partners: Array<{ id: string; name: string; role: string; network?: string }>;
}

/**
 * Loads the demo region through the same domain rules and outbox as the API, so the other
 * services receive the demo partners as events. Existing organisations and memberships are left
 * alone, which makes a second run a no-op.
 */
export async function loadDemo(dataSource: DataSource): Promise<DemoPartners> {
  const store = new PartnersStore(dataSource);
  const sites = new SiteResolver(new PostalCodeDirectory(dataSource, PARTNERS_SCHEMA));
  const cause = { correlationId: demoId('load-demo') };
  for (const network of DEMO_NETWORKS) {
    await store.change(async (manager) => {
      if (await networkRepository.load(manager, demoId(network.key))) return { result: undefined, events: [] };
      const created = Network.create({ id: demoId(network.key), ...network });
      await networkRepository.save(manager, created);
      return { result: undefined, events: networkEvents(created.pullChanges(), cause) };
    });
  }
  for (const demo of DEMO_ORGANISATIONS) {
    await store.change(async (manager) => {
      if (await organisationRepository.exists(manager, demoId(demo.key))) return { result: undefined, events: [] };
      const organisation = Organisation.register(await registration(demo, sites));
      await organisationRepository.save(manager, organisation);
      return { result: undefined, events: organisationEvents(organisation.pullChanges(), cause) };
    });
    if (demo.network) await join(store, demoId(demo.network.key), demoId(demo.key), demo.network.role, cause);
  }
  return summary();
}

async function registration(demo: DemoOrganisation, sites: SiteResolver) {
  const [site] = await sites.resolve([{ id: demoId(`${demo.key}:site`), label: 'Hauptsitz', postalCode: demo.postalCode, city: demo.city, ...(demo.street ? { street: demo.street } : {}) }]);
  return {
    id: demoId(demo.key),
    kind: demo.kind,
    name: demo.name,
    sites: [site],
    verified: true,
    ...(demo.employees !== undefined ? { company: { employees: demo.employees, ...(demo.sector ? { sector: demo.sector } : {}) } } : {}),
    ...(demo.azav ? { provider: { azavApproved: demo.azav.approved, ...(demo.azav.validUntil ? { azavValidUntil: demo.azav.validUntil } : {}) } } : {}),
  };
}

async function join(store: PartnersStore, networkId: string, partnerId: string, role: 'member' | 'coordinator', cause: { correlationId: string }): Promise<void> {
  await store.change(async (manager) => {
    const network = await networkRepository.load(manager, networkId, { forUpdate: true });
    const organisation = await organisationRepository.load(manager, partnerId, { forUpdate: true });
    if (!network || !organisation || network.roleOf(partnerId)) return { result: undefined, events: [] };
    network.setMember(partnerId, role);
    organisation.setNetworkMembership(networkId, true);
    await networkRepository.save(manager, network);
    await organisationRepository.save(manager, organisation, { withContacts: false });
    return { result: undefined, events: [...networkEvents(network.pullChanges(), cause), ...organisationEvents(organisation.pullChanges(), cause)] };
  });
}

function summary(): DemoPartners {
  const partners = DEMO_ORGANISATIONS.map((demo) => ({ id: demoId(demo.key), name: demo.name, role: demo.role, ...(demo.network ? { network: demo.network.key } : {}) }));
  const networks = Object.fromEntries(DEMO_NETWORKS.map((network) => [network.key, { id: demoId(network.key), name: network.name, districtKeys: network.districtKeys }]));
  return { networks, partners };
}

/** Repository root (apps/partners/src/demo → four levels up). */
export const DEMO_PARTNERS_FILE = resolve(__dirname, '..', '..', '..', '..', '.data', 'demo-partners.json');

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL fehlt / DATABASE_URL is required');
  const dataSource = await createPartnersDataSource(databaseUrl, { poolSize: 2 }).initialize();
  try {
    const demo = await runWithCause({}, () => loadDemo(dataSource));
    mkdirSync(dirname(DEMO_PARTNERS_FILE), { recursive: true });
    writeFileSync(DEMO_PARTNERS_FILE, `${JSON.stringify(demo, null, 2)}\n`);
    process.stdout.write(`demo partners written to ${DEMO_PARTNERS_FILE}\n`);
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
