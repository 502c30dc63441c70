import { coordinatingIn, isOperator, NO_ORGANISATION, resolveActor } from './actor';

const ORG = '0B6C3C0E-2F7A-4C53-9A43-8A2D1C7E5F10';
const NETWORK = '6f1c1c0e-0000-4000-8000-000000000001';

describe('resolveActor', () => {
  it('asks the read model for a coordinator’s networks, with the organisation id in lower case', async () => {
    const asked: string[] = [];
    const actor = await resolveActor({ subject: 'coach-1', roles: ['coordinator'], partnerId: ORG }, async (id) => {
      asked.push(id);
      return [NETWORK];
    });
    expect(asked).toEqual([ORG.toLowerCase()]);
    expect(actor).toEqual({ subject: 'coach-1', roles: ['coordinator'], partnerId: ORG.toLowerCase(), coordinatedNetworkIds: [NETWORK] });
    expect(coordinatingIn(actor)).toEqual([NETWORK]);
  });

  it('does not ask for other roles, and a claim that is no UUID names no organisation', async () => {
    const never = async (): Promise<string[]> => {
      throw new Error('must not be asked');
    };
    const company = await resolveActor({ subject: 'u', roles: ['company'], partnerId: ORG }, never);
    expect(company.coordinatedNetworkIds).toEqual([]);
    const odd = await resolveActor({ subject: 'u', roles: ['coordinator'], partnerId: "x' OR 1=1" }, never);
    expect(odd).toMatchObject({ partnerId: NO_ORGANISATION, coordinatedNetworkIds: [] });
  });

  it('an operator is an operator; networks count only with the coordinator role', () => {
    const operator = { subject: 'op', roles: ['operator'] as const, partnerId: NO_ORGANISATION, coordinatedNetworkIds: [NETWORK] };
    expect(isOperator(operator)).toBe(true);
    expect(coordinatingIn(operator)).toEqual([]);
  });
});
