import { PartnersHarness } from './partners-harness';

/** Real postal codes of the seed regions (GeoNames): Korbach 06635, Homberg (Efze) 06634, Höxter 05762, Holzminden 03255. */
export interface SiteInput {
  label: string;
  street?: string;
  postalCode: string;
  city: string;
}

export const SITES: Record<'korbach' | 'homberg' | 'hoexter' | 'holzminden', SiteInput> = {
  korbach: { label: 'Hauptsitz', street: 'Industriestraße 4', postalCode: '34497', city: 'Korbach' },
  homberg: { label: 'Werk', postalCode: '34576', city: 'Homberg (Efze)' },
  hoexter: { label: 'Hauptsitz', postalCode: '37671', city: 'Höxter' },
  holzminden: { label: 'Schulungszentrum', postalCode: '37603', city: 'Holzminden' },
};

export const OPERATOR_ORG = '00000000-0000-4000-8000-00000000000a';

export async function operatorToken(h: PartnersHarness): Promise<string> {
  return h.token('operator', OPERATOR_ORG);
}

export async function createOrganisation(h: PartnersHarness, body: Record<string, unknown>, token?: string): Promise<{ id: string; version: number }> {
  const response = await h.http().post('/organisations').set('Authorization', `Bearer ${token ?? (await operatorToken(h))}`).send(body);
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; version: number };
}

export function company(name: string, employees = 25, site: SiteInput = SITES.korbach): Record<string, unknown> {
  return { kind: 'company', name, company: { employees, sector: 'C' }, sites: [site] };
}

export async function createNetwork(h: PartnersHarness, name: string, districtKeys: string[]): Promise<string> {
  const response = await h.http().post('/networks').set('Authorization', `Bearer ${await operatorToken(h)}`).send({ name, districtKeys });
  if (response.status !== 201) throw new Error(`network failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { id: string }).id;
}

export async function addMember(h: PartnersHarness, networkId: string, partnerId: string, role: 'member' | 'coordinator'): Promise<void> {
  const response = await h
    .http()
    .put(`/networks/${networkId}/members/${partnerId}`)
    .set('Authorization', `Bearer ${await operatorToken(h)}`)
    .send({ role });
  if (response.status !== 200) throw new Error(`membership failed: ${response.status} ${JSON.stringify(response.body)}`);
}
