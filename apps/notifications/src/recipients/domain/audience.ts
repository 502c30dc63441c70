/**
 * Who is concerned by an event (pure: no I/O). The repository turns an audience into partner ids
 * with the read model of partners (kinds, districts, network coordinators).
 */
export interface Audience {
  /** Organisations named in the event itself (the need's company, the offer's provider). */
  partners: string[];
  /** Providers and schools with a site in one of these districts (bundles, gaps: "near it"). */
  providersInDistricts: string[];
  /** Coordinating members of the networks these organisations belong to. */
  coordinatorsOfPartners: string[];
  /** Coordinating members of networks covering one of these districts. */
  coordinatorsOfDistricts: string[];
  /** Coordinating members of these networks. */
  coordinatorsOfNetworks: string[];
}

type Data = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strs = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const present = (...values: Array<string | undefined>): string[] => values.filter((value): value is string => !!value);

export function emptyAudience(): Audience {
  return { partners: [], providersInDistricts: [], coordinatorsOfPartners: [], coordinatorsOfDistricts: [], coordinatorsOfNetworks: [] };
}

/** Match events: the company hears of proposals and the provider's answer; the provider hears of the company's. */
const MATCH_AUDIENCE: Record<string, Array<'companyId' | 'providerId'>> = {
  proposed: ['companyId'],
  accepted: ['providerId'],
  declined: ['providerId'],
  confirmed: ['companyId'],
  rejected: ['companyId'],
  withdrawn: ['companyId', 'providerId'],
};

export function audienceOf(type: string, data: Data): Audience {
  const audience = emptyAudience();
  const [service, aggregate, event] = type.split('.');
  if (service === 'matching' && aggregate === 'match') {
    audience.partners = present(...(MATCH_AUDIENCE[event] ?? []).map((field) => str(data[field])));
  } else if (service === 'matching' && aggregate === 'bundle') {
    const provider = str(data.providerId);
    if (provider) audience.partners = [provider];
    else if (event !== 'dissolved') audience.providersInDistricts = strs(data.districtKeys);
    audience.coordinatorsOfDistricts = strs(data.districtKeys);
  } else if (service === 'matching' && aggregate === 'gap') {
    const district = present(str(data.districtKey));
    if (event === 'detected') audience.providersInDistricts = district;
    audience.coordinatorsOfDistricts = district;
  } else if (service === 'needs') {
    const company = data.company as Data | undefined;
    const companyId = str(company?.id);
    if (event === 'submitted') audience.coordinatorsOfPartners = present(companyId);
    else if (event !== 'updated') audience.partners = present(companyId);
  } else if (service === 'partners' && aggregate === 'partner') {
    if (event === 'registered') audience.coordinatorsOfDistricts = strs(data.districtKeys);
    else if (event !== 'updated') audience.partners = present(str(data.id));
  } else if (service === 'partners' && aggregate === 'network') {
    audience.coordinatorsOfNetworks = present(str(data.id));
  } else if (service === 'catalogue' && aggregate === 'offer' && event === 'published') {
    const dates = Array.isArray(data.dates) ? (data.dates as Data[]) : [];
    audience.coordinatorsOfDistricts = [...new Set(present(...dates.map((date) => str((date.venue as Data | undefined)?.districtKey))))];
  }
  return audience;
}
