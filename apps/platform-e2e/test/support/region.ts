import { randomUUID } from 'node:crypto';
import { eventually, RunningPlatform } from '@bildungsraum/testing';
import { PlatformApis } from './platform-apis';
import { WebhookReceiver } from './webhook-receiver';

/** Real places (GeoNames): Korbach and Bad Arolsen in Waldeck-Frankenberg (06635), Holzminden (03255) far away. */
const SITES = {
  korbach: { label: 'Hauptsitz', street: 'Industriestraße 4', postalCode: '34497', city: 'Korbach' },
  badArolsen: { label: 'Werk', street: 'Rauchstraße 12', postalCode: '34454', city: 'Bad Arolsen' },
  holzminden: { label: 'Schulungszentrum', street: 'Obere Straße 5', postalCode: '37603', city: 'Holzminden' },
};

/** An organisation of the story with the channels its own staff registered. */
export interface Party {
  id: string;
  name: string;
  email: string;
  webhook: WebhookReceiver;
  token: string;
}

export interface Region {
  networkId: string;
  operatorToken: string;
  /** The Bildungscoach's organisation, coordinating member of the network. */
  coordinator: Party;
  /** A provider with a site in Korbach: hears of gaps and bundles in the district. */
  provider: Party;
  /** A provider in Holzminden: nothing of the story concerns it. */
  farProvider: Party;
  companies: Party[];
  all: Party[];
}

const OPERATOR_ORG = '00000000-0000-4000-8000-00000000000a';
const COMPANIES = [
  { name: 'Metallbau Korbach GmbH', employees: 35, site: SITES.korbach, domain: 'metallbau-korbach' },
  { name: 'Holzbau Frankenberg KG', employees: 18, site: SITES.korbach, domain: 'holzbau-frankenberg' },
  { name: 'Landtechnik Twiste GmbH', employees: 42, site: SITES.badArolsen, domain: 'landtechnik-twiste' },
  { name: 'Getränkehandel Vöhl e. K.', employees: 12, site: SITES.korbach, domain: 'getraenke-voehl' },
];

type Created = { id: string; status: string };

/**
 * The German demo region of the story, built the way its people would, over the partners HTTP
 * API: the operator registers the coordinating body and two providers, creates the network
 * "Weiterbildungsverbund Waldeck-Frankenberg" and appoints the coordinator; the Bildungscoach
 * registers four small companies, adds them to the network and verifies them. Returns once
 * notifications has learnt of every organisation (so channel defaults fit its kind).
 */
export async function buildRegion(platform: RunningPlatform, api: PlatformApis): Promise<Region> {
  const operatorToken = await platform.token('operator', OPERATOR_ORG);
  const register = (body: Record<string, unknown>, token = operatorToken) => api.partners.expect<Created>(201, 'POST', '/organisations', token, body);
  const verify = (id: string, token = operatorToken) => api.partners.expect<Created>(200, 'POST', `/organisations/${id}/verify`, token);

  const coordinator = await register({ kind: 'coordinating_body', name: 'Regionalagentur Waldeck-Frankenberg', sites: [SITES.korbach] });
  const provider = await register({ kind: 'provider', name: 'Bildungswerk Nordhessen gGmbH', provider: { azavApproved: true }, sites: [{ ...SITES.korbach, label: 'Schulungszentrum' }] });
  const farProvider = await register({ kind: 'provider', name: 'Weserbergland Akademie', provider: { azavApproved: true }, sites: [SITES.holzminden] });
  const network = await api.partners.expect<{ id: string }>(201, 'POST', '/networks', operatorToken, { name: 'Weiterbildungsverbund Waldeck-Frankenberg', districtKeys: ['06635'] });
  await api.partners.expect(200, 'PUT', `/networks/${network.id}/members/${coordinator.id}`, operatorToken, { role: 'coordinator' });
  for (const id of [coordinator.id, provider.id, farProvider.id]) await verify(id);

  const coachToken = await platform.token('coordinator', coordinator.id);
  const companies: Created[] = [];
  for (const company of COMPANIES) {
    const created = await register({ kind: 'company', name: company.name, company: { employees: company.employees, sector: 'C' }, sites: [company.site] }, coachToken);
    await api.partners.expect(200, 'PUT', `/networks/${network.id}/members/${created.id}`, coachToken, { role: 'member' });
    expect((await verify(created.id, coachToken)).status).toBe('verified');
    companies.push(created);
  }

  const party = async (id: string, name: string, role: 'coordinator' | 'provider' | 'company', email: string): Promise<Party> => {
    const token = await platform.token(role, id, `${role}-${randomUUID().slice(0, 8)}`);
    return { id, name, email, token, webhook: await new WebhookReceiver().start() };
  };
  const region: Region = {
    networkId: network.id,
    operatorToken,
    coordinator: await party(coordinator.id, 'Regionalagentur Waldeck-Frankenberg', 'coordinator', 'bildungscoach@regionalagentur-wf.example'),
    provider: await party(provider.id, 'Bildungswerk Nordhessen gGmbH', 'provider', 'kurse@bildungswerk-nordhessen.example'),
    farProvider: await party(farProvider.id, 'Weserbergland Akademie', 'provider', 'info@weserbergland-akademie.example'),
    companies: await Promise.all(companies.map((created, index) => party(created.id, COMPANIES[index].name, 'company', `personal@${COMPANIES[index].domain}.example`))),
    all: [],
  };
  region.all = [region.coordinator, region.provider, region.farProvider, ...region.companies];

  // notifications learns of each organisation from partners' events: its own verification (and,
  // for the coordinator, its appointment) shows in its inbox once that is recorded.
  await Promise.all(
    region.all.map((member) =>
      eventually(
        async () => {
          const inbox = await api.notifications.expect<{ eventType: string }[]>(200, 'GET', `/organisations/${member.id}/inbox`, member.token);
          const types = new Set(inbox.map((item) => item.eventType));
          return types.has('partners.partner.verified.v1') && (member !== region.coordinator || types.has('partners.network.updated.v1'));
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      ),
    ),
  );
  return region;
}

/**
 * Each organisation's staff registers an email address and a webhook endpoint with the role
 * defaults; the webhook secret (shown once) goes to the organisation's receiver.
 */
export async function registerChannels(region: Region, api: PlatformApis): Promise<void> {
  for (const member of region.all) {
    await api.notifications.expect(201, 'POST', `/organisations/${member.id}/channels/email`, member.token, { address: member.email, language: 'de' });
    const hook = await api.notifications.expect<{ secret: string }>(201, 'POST', `/organisations/${member.id}/channels/webhooks`, member.token, { url: member.webhook.url, language: 'de' });
    member.webhook.secret = hook.secret;
  }
}
