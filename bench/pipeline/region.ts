import { eventually, RunningPlatform } from '@bildungsraum/testing';

/** ESCO "operate forklift": a skill the shared taxonomy knows. */
export const FORKLIFT = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';

/**
 * Four towns more than 40 km apart (real postal codes). Each company sits in one and will travel
 * 25 km, the course has one date in each town: every need fits exactly one date, so it gets one
 * proposal, one webhook, and no two companies share a date (no bundle work in the measurement).
 */
export const TOWNS = [
  { postalCode: '34497', city: 'Korbach', street: 'Kasseler Straße 30' },
  { postalCode: '36037', city: 'Fulda', street: 'Heinrichstraße 8' },
  { postalCode: '37073', city: 'Göttingen', street: 'Groner Straße 20' },
  { postalCode: '33098', city: 'Paderborn', street: 'Westernstraße 12' },
];

export interface BenchRegion {
  coordinatorToken: string;
  companyIds: string[];
}

const OPERATOR_ORG = '00000000-0000-4000-8000-0000000000b7';

async function call<T>(base: string, method: string, path: string, token: string, body: unknown, expected: number): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${base}${path} answered ${response.status}, expected ${expected}: ${text.slice(0, 600)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The region over the public HTTP APIs, as people would build it: the operator registers a
 * coordinating body, a provider and one company per town, a network with the coordinator;
 * everyone verified. The provider publishes a forklift course with a date in every town. Each
 * company registers a webhook endpoint (notifications, role defaults: match and need events).
 */
export async function buildRegion(platform: RunningPlatform, webhookUrl: string): Promise<BenchRegion> {
  const partners = platform.url('partners');
  const operator = await platform.token('operator', OPERATOR_ORG);
  const register = (body: Record<string, unknown>) => call<{ id: string }>(partners, 'POST', '/organisations', operator, body, 201);
  const verify = (id: string) => call(partners, 'POST', `/organisations/${id}/verify`, operator, undefined, 200);

  const coordinator = await register({ kind: 'coordinating_body', name: 'Bench-Regionalagentur', sites: [{ label: 'Sitz', ...TOWNS[0] }] });
  const provider = await register({ kind: 'provider', name: 'Bench-Bildungswerk', provider: { azavApproved: true }, sites: [{ label: 'Zentrale', ...TOWNS[0] }] });
  const companies = [];
  for (const [index, town] of TOWNS.entries()) {
    companies.push(await register({ kind: 'company', name: `Bench-Betrieb ${index + 1} ${town.city}`, company: { employees: 40, sector: 'C' }, sites: [{ label: 'Werk', ...town }] }));
  }
  const districts = ['06635', '06631', '03159', '05774'];
  const network = await call<{ id: string }>(partners, 'POST', '/networks', operator, { name: 'Bench-Verbund', districtKeys: districts }, 201);
  await call(partners, 'PUT', `/networks/${network.id}/members/${coordinator.id}`, operator, { role: 'coordinator' }, 200);
  for (const company of companies) await call(partners, 'PUT', `/networks/${network.id}/members/${company.id}`, operator, { role: 'member' }, 200);
  for (const organisation of [coordinator, provider, ...companies]) await verify(organisation.id);

  const providerToken = await platform.token('provider', provider.id);
  const catalogue = platform.url('catalogue');
  // catalogue learns of the provider's verification from partners' events: retry until it has.
  const createOffer = () => call<{ id: string }>(catalogue, 'POST', '/offers', providerToken, {
    title: 'Staplerschein kompakt – Fahrausweis für Flurförderzeuge',
    description: 'DGUV Grundsatz 308-001, Theorie und Praxis, mit Prüfung.',
    skills: [FORKLIFT],
    hours: 24,
    priceCents: 35_000,
    formats: ['presence'],
    language: 'de',
    targetGroups: ['employees'],
    dates: TOWNS.map((town) => ({
      startDate: inDays(30),
      endDate: inDays(33),
      schedule: 'full_time',
      online: false,
      venue: { name: `Schulungszentrum ${town.city}`, ...town },
      minParticipants: 6,
      maxParticipants: 10_000,
    })),
  }, 201);
  const offer = await eventually(createOffer, { timeoutMs: 120_000, intervalMs: 500 });
  await call(catalogue, 'POST', `/offers/${offer.id}/publish`, providerToken, undefined, 200);

  // notifications learns of each company from partners' events; then its staff adds the webhook.
  const notifications = platform.url('notifications');
  for (const company of companies) {
    const token = await platform.token('company', company.id);
    await eventually(
      async () => {
        const inbox = await call<Array<{ eventType: string }>>(notifications, 'GET', `/organisations/${company.id}/inbox`, token, undefined, 200);
        return inbox.some((item) => item.eventType === 'partners.partner.verified.v1');
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    await call(notifications, 'POST', `/organisations/${company.id}/channels/webhooks`, token, { url: webhookUrl, language: 'de' }, 201);
  }
  return { coordinatorToken: await platform.token('coordinator', coordinator.id), companyIds: companies.map((company) => company.id) };
}

/** The body of bench need number i: one participant of company i mod n, wanting the forklift licence. */
export function needBody(region: BenchRegion, i: number): string {
  return JSON.stringify({
    companyId: region.companyIds[i % region.companyIds.length],
    submit: true,
    description: `Ein Mitarbeiter braucht den Staplerschein (Bench ${i}).`,
    skillUris: [FORKLIFT],
    kldbCode: '51312',
    participants: 1,
    targetGroups: ['employees'],
    formats: ['in_person'],
    earliestStart: inDays(7),
    latestEnd: inDays(200),
    maxTravelKm: 25,
  });
}
