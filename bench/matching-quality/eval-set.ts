/**
 * The labelled evaluation set (eval/*.json) turned into the events the matching service consumes:
 * partner snapshots of companies and providers, need snapshots and offer snapshots. Places are
 * postal codes in the files; coordinates and districts come from the reference data at run time,
 * and so do the 20 real KURSNET course dates (never copied into the repository).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NeedSnapshotV1, OfferSnapshotV1, PartnerSnapshotV1 } from '@bildungsraum/contracts';
import { loadReferenceSet, PostalCodeRecord } from '@bildungsraum/reference-data';
import { EvalProvider, EvalOffer, KursnetRef, EvalCompany, EvalNeed, Judgement, ExpectedGap, ExpectedBundle } from './eval-types';

const EVAL = join(__dirname, 'eval');
const DAY_MS = 86_400_000;


/** A KURSNET course date as the BA's course search delivers it (only the fields used here). */
interface KursnetTermin {
  id: number;
  unterrichtszeit?: { bezeichnung?: string };
  dauer?: { id?: number };
  angebot: { titel: string; inhalt?: string | null; abschlussart?: string | null; bildungsanbieter?: { name?: string } };
  adresse?: { strasse?: string | null; ortStrasse?: { plz?: string; name?: string } } | null;
  kostenWert?: number | null;
  foerderung?: boolean;
  teilnehmerMin?: number | null;
  teilnehmerMax?: number | null;
}

/** Days of each KURSNET duration class (`dauer.id`: up to 3 days … 6 months to a year). */
const KURSNET_DAYS: Record<number, number> = { 1: 2, 2: 5, 3: 21, 4: 60, 5: 120, 6: 270, 7: 540 };

export interface EvalSet {
  partners: PartnerSnapshotV1[];
  offers: OfferSnapshotV1[];
  needs: NeedSnapshotV1[];
  /** Event UUID → eval id (o001, k179752566, n01, c01) and back. */
  evalIdOf: Map<string, string>;
  uuidOf: Map<string, string>;
  companyOfNeed: Map<string, string>;
  needTexts: Map<string, string>;
  judgements: Judgement[];
  gaps: ExpectedGap[];
  bundles: ExpectedBundle[];
}

const readJson = <T>(name: string, dir = EVAL): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

/**
 * Directory of the needs, judgements and expectations: `eval/` for the default set, `eval/<name>/`
 * for any other set judged against the same offers (`BENCH_EVAL_SET=heldout`, `BENCH_EVAL_SET=fresh`).
 */
export function evalSetDirectory(name = 'default'): string {
  if (name === 'default') return EVAL;
  if (!/^[a-z0-9-]+$/.test(name) || !existsSync(join(EVAL, name, 'needs.json'))) throw new Error(`unknown eval set ${name}: expected ${join(EVAL, name, 'needs.json')}`);
  return join(EVAL, name);
}

/** A stable UUID (version-4 layout) per eval id, so runs and reports are comparable. */
export function stableUuid(key: string): string {
  const hex = createHash('sha1').update(`bildungsraum-matching-quality:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const day = (today: Date, offset: number): string => new Date(today.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
const sizeClass = (employees: number) => (employees < 10 ? 'micro' : employees < 50 ? 'small' : employees < 250 ? 'medium' : 'large');
const plainText = (html: string) => html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/[ \t]+/g, ' ').trim();

export function loadEvalSet(referenceDataDir: string, today = new Date(), setName = 'default'): EvalSet {
  const setDir = evalSetDirectory(setName);
  const places = new Map(loadReferenceSet(referenceDataDir).postalCodes.map((record) => [record.postalCode, record]));
  const place = (postalCode: string): PostalCodeRecord => {
    const record = places.get(postalCode);
    if (!record) throw new Error(`postal code ${postalCode} not in the reference data`);
    return record;
  };
  const { providers, offers, kursnet } = readJson<{ providers: EvalProvider[]; offers: EvalOffer[]; kursnet: KursnetRef[] }>('offers.json');
  const { companies, needs } = readJson<{ companies: EvalCompany[]; needs: EvalNeed[] }>('needs.json', setDir);
  const { judgements } = readJson<{ judgements: Judgement[] }>('judgements.json', setDir);
  const expected = readJson<{ gaps: ExpectedGap[]; bundles: ExpectedBundle[] }>('expectations.json', setDir);
  const evalIdOf = new Map<string, string>();
  const uuid = (key: string) => {
    const id = stableUuid(key);
    evalIdOf.set(id, key);
    return id;
  };
  const venueOf = (postalCode: string, name: string, street?: string | null) => {
    const record = place(postalCode);
    return { name: name.slice(0, 200), ...(street ? { street: street.slice(0, 200) } : {}), postalCode, city: record.placeName.slice(0, 120), location: { lat: record.lat, lon: record.lon }, districtKey: record.districtKey };
  };

  const partners: PartnerSnapshotV1[] = [];
  for (const provider of providers) {
    partners.push({ id: uuid(provider.key), version: 1, kind: 'provider', name: provider.name, status: 'verified', provider: { azavApproved: provider.azavApproved }, sites: [], districtKeys: [], networkIds: [] });
  }
  const providerNames = new Map(providers.map((provider) => [provider.key, provider.name]));
  const offerSnapshots: OfferSnapshotV1[] = offers.map((offer) => {
    const start = offer.date.startInDays;
    return {
      id: uuid(offer.id),
      version: 1,
      providerId: stableUuid(offer.provider),
      providerName: providerNames.get(offer.provider) ?? offer.provider,
      status: 'published',
      title: offer.title,
      description: offer.description,
      skills: offer.skills,
      ...(offer.dqrLevel ? { dqrLevel: offer.dqrLevel } : {}),
      hours: offer.hours,
      formats: offer.formats,
      language: offer.language,
      targetGroups: offer.targetGroups,
      accessibility: [],
      priceCents: Math.round(offer.priceEuro * 100),
      azavApproved: offer.azavApproved,
      dates: [
        {
          id: uuid(`${offer.id}#1`),
          startDate: day(today, start),
          endDate: day(today, start + offer.date.lengthDays),
          schedule: offer.date.schedule,
          online: offer.date.online,
          ...(offer.date.venue ? { venue: venueOf(offer.date.venue.postalCode, offer.date.venue.name, offer.date.venue.street) } : {}),
          minParticipants: offer.date.minParticipants,
          maxParticipants: offer.date.maxParticipants,
          seatsTaken: offer.date.seatsTaken,
          seatsFree: offer.date.maxParticipants - offer.date.seatsTaken,
        },
      ],
    };
  });

  const termine = readKursnet(referenceDataDir);
  const kursnetProviders = new Map<string, PartnerSnapshotV1>();
  for (const ref of kursnet) {
    const termin = termine.get(ref.kursnetId);
    const postalCode = termin?.adresse?.ortStrasse?.plz;
    if (!termin || !postalCode) throw new Error(`KURSNET course date ${ref.kursnetId} missing or without postal code in the reference data`);
    const providerName = termin.angebot.bildungsanbieter?.name ?? 'KURSNET-Anbieter';
    const providerKey = `kursnet-provider:${providerName}`;
    if (!kursnetProviders.has(providerKey)) {
      kursnetProviders.set(providerKey, { id: uuid(providerKey), version: 1, kind: 'provider', name: providerName.slice(0, 300), status: 'verified', provider: { azavApproved: true }, sites: [], districtKeys: [], networkIds: [] });
    }
    const days = KURSNET_DAYS[termin.dauer?.id ?? 4] ?? 60;
    const schedule = /teilzeit/i.test(termin.unterrichtszeit?.bezeichnung ?? '') ? 'part_time' : 'full_time';
    const max = termin.teilnehmerMax ?? 20;
    offerSnapshots.push({
      id: uuid(ref.id),
      version: 1,
      providerId: stableUuid(providerKey),
      providerName: providerName.slice(0, 300),
      status: 'published',
      title: termin.angebot.titel.slice(0, 300),
      description: `${plainText(termin.angebot.inhalt ?? '').slice(0, 4000)}\n\nBeispieldaten aus KURSNET (Bundesagentur für Arbeit, 2023).`,
      skills: ref.skills,
      hours: Math.max(8, Math.round((days * 5) / 7) * (schedule === 'part_time' ? 4 : 8)),
      formats: ['blended'],
      language: 'de',
      targetGroups: termin.foerderung ? ['employees', 'job_seekers'] : ['employees'],
      accessibility: [],
      priceCents: Math.round((termin.kostenWert ?? 0) * 100),
      azavApproved: termin.foerderung === true,
      dates: [
        {
          id: uuid(`${ref.id}#1`),
          startDate: day(today, ref.startInDays),
          endDate: day(today, ref.startInDays + days),
          schedule,
          online: false,
          venue: venueOf(postalCode, termin.angebot.bildungsanbieter?.name ?? 'Schulungsort', termin.adresse?.strasse),
          minParticipants: Math.min(termin.teilnehmerMin ?? 0, max),
          maxParticipants: max,
          seatsTaken: 0,
          seatsFree: max,
        },
      ],
    });
  }
  partners.push(...kursnetProviders.values());

  const companyByKey = new Map(companies.map((company) => [company.key, company]));
  for (const company of companies) {
    const record = place(company.postalCode);
    partners.push({
      id: uuid(company.key),
      version: 1,
      kind: 'company',
      name: company.name,
      status: 'verified',
      company: { employees: company.employees, sizeClass: sizeClass(company.employees) },
      sites: [{ id: stableUuid(`${company.key}:site`), label: 'Hauptsitz', postalCode: company.postalCode, city: record.placeName.slice(0, 120), location: { lat: record.lat, lon: record.lon }, districtKey: record.districtKey }],
      districtKeys: [record.districtKey],
      networkIds: [],
    });
  }
  const companyOfNeed = new Map<string, string>();
  const needTexts = new Map<string, string>();
  const needSnapshots: NeedSnapshotV1[] = needs.map((need) => {
    const company = companyByKey.get(need.company);
    if (!company) throw new Error(`need ${need.id}: unknown company ${need.company}`);
    const record = place(company.postalCode);
    companyOfNeed.set(need.id, need.company);
    needTexts.set(need.id, need.description);
    return {
      id: uuid(need.id),
      version: 1,
      status: 'submitted',
      company: { id: stableUuid(company.key), sizeClass: sizeClass(company.employees), employees: company.employees, districtKey: record.districtKey, nameVisibleToProviders: true },
      capturedBy: { partnerId: stableUuid(company.key), role: 'company' },
      description: need.description,
      skillUris: need.skillUris,
      ...(need.kldbCode ? { kldbCode: need.kldbCode } : {}), ...(need.occupationUri ? { occupationUri: need.occupationUri } : {}),
      participants: need.participants,
      targetGroups: need.targetGroups,
      participantsByTargetGroup: need.targetGroups.length ? [{ targetGroup: need.targetGroups[0] as NeedSnapshotV1['targetGroups'][number], count: need.participants }] : [],
      ...(need.dqrLevel ? { dqrLevel: need.dqrLevel } : {}),
      language: need.language,
      jobSpecificGerman: need.jobSpecificGerman,
      site: { siteId: stableUuid(`${company.key}:site`), postalCode: company.postalCode, city: record.placeName.slice(0, 120), location: { lat: record.lat, lon: record.lon }, districtKey: record.districtKey },
      ...(need.maxTravelKm !== undefined ? { maxTravelKm: need.maxTravelKm } : {}),
      formats: need.formats,
      schedules: need.schedules,
      earliestStart: day(today, need.earliestStartInDays),
      latestEnd: day(today, need.latestEndInDays),
      ...(need.budgetPerParticipantEuro !== undefined ? { budgetPerParticipantCents: Math.round(need.budgetPerParticipantEuro * 100) } : {}),
      fundingAdviceWanted: true,
      staff: { participantsAged45Plus: need.participantsAged45Plus, participantsSeverelyDisabled: need.participantsSeverelyDisabled ?? 0 },
      submittedAt: today.toISOString(),
    };
  });
  return {
    partners,
    offers: offerSnapshots,
    needs: needSnapshots,
    evalIdOf,
    uuidOf: new Map([...evalIdOf.entries()].map(([id, key]) => [key, id])),
    companyOfNeed,
    needTexts,
    judgements,
    gaps: expected.gaps,
    bundles: expected.bundles,
  };
}

function readKursnet(referenceDataDir: string): Map<number, KursnetTermin> {
  const file = join(referenceDataDir, 'courses', 'ba_weiterbildungssuche_sample_2023.json');
  if (!existsSync(file)) throw new Error(`${file} not found: the 20 real course dates are part of the set (set BILDUNGSRAUM_REFERENCE_DATA)`);
  const termine = (JSON.parse(readFileSync(file, 'utf8')) as { termine?: KursnetTermin[] }).termine ?? [];
  return new Map(termine.map((termin) => [termin.id, termin]));
}
