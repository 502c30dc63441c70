import { NeedsHarness } from './needs-harness';

/** A complete need as a Korbach metal company would state it. */
export function forkliftNeed(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    description: 'Zwei Mitarbeiter im Lager brauchen den Staplerschein (Flurförderzeuge).',
    skillUris: ['http://data.europa.eu/esco/skill/3f0b2b4e-5f0f-4f55-9d4a-6c0f2f8c9a11'],
    kldbCode: '51312',
    participants: 2,
    targetGroups: ['employees'],
    participantsByTargetGroup: [{ targetGroup: 'employees', count: 2 }],
    dqrLevel: 2,
    language: 'de',
    maxTravelKm: 40,
    formats: ['in_person'],
    schedules: ['full_time'],
    earliestStart: '2030-02-01',
    latestEnd: '2030-06-30',
    budgetPerParticipantCents: 45000,
    fundingAdviceWanted: true,
    staff: { participantsAged45Plus: 1, participantsSeverelyDisabled: 0 },
    nameVisibleToProviders: true,
    ...overrides,
  };
}

export async function createNeed(h: NeedsHarness, token: string, body: Record<string, unknown>): Promise<{ id: string; version: number; status: string }> {
  const response = await h.http().post('/needs').set('Authorization', `Bearer ${token}`).send(body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; version: number; status: string };
}
