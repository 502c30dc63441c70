import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainText } from '../offers/infra/search-rows';
import { DemoOffer, DemoProviderKey } from './demo-offers';

/** Days of each KURSNET duration class (`dauer.id`), roughly its middle. */
const DAYS_BY_DURATION: Record<number, number> = { 1: 2, 2: 5, 3: 21, 4: 60, 5: 120, 6: 270, 7: 540 };
const HOURS_PER_DAY = { full_time: 8, part_time: 4 } as const;

interface KursnetTermin {
  id: number;
  unterrichtsform?: { bezeichnung?: string };
  unterrichtszeit?: { bezeichnung?: string };
  dauer?: { id?: number };
  angebot: { id: number; titel: string; inhalt?: string | null; abschlussart?: string | null; bildungsanbieter?: { name?: string } };
  adresse?: { bezeichnung?: string | null; strasse?: string | null; ortStrasse?: { plz?: string; name?: string } } | null;
  kostenWert?: number | null;
  foerderung?: boolean;
  teilnehmerMin?: number | null;
  teilnehmerMax?: number | null;
}

/**
 * The 20 real course dates of the KURSNET sample (Bundesagentur für Arbeit, 2023) as demo offers:
 * read from the reference data directory (never copied into the repository), dates moved into
 * the coming months, attributed to the demo providers in turn with the original provider named.
 */
export function kursnetDemoOffers(referenceDataDir: string, providers: DemoProviderKey[]): DemoOffer[] {
  const file = join(referenceDataDir, 'courses', 'ba_weiterbildungssuche_sample_2023.json');
  if (!existsSync(file) || !providers.length) return [];
  const termine = (JSON.parse(readFileSync(file, 'utf8')) as { termine?: KursnetTermin[] }).termine ?? [];
  return termine.flatMap((termin, index) => {
    const postalCode = termin.adresse?.ortStrasse?.plz;
    if (!postalCode || !termin.adresse?.ortStrasse?.name) return [];
    const schedule = /teilzeit/i.test(termin.unterrichtszeit?.bezeichnung ?? '') ? 'part_time' : 'full_time';
    const lengthDays = DAYS_BY_DURATION[termin.dauer?.id ?? 4] ?? 60;
    const form = termin.unterrichtsform?.bezeichnung ?? '';
    const source = `Beispieldaten aus KURSNET (Bundesagentur für Arbeit, 2023); ursprünglicher Anbieter: ${termin.angebot.bildungsanbieter?.name ?? 'unbekannt'}.`;
    const max = termin.teilnehmerMax ?? 20;
    const offer: DemoOffer = {
      key: `kursnet-${termin.id}`,
      provider: providers[index % providers.length] as DemoProviderKey,
      offer: {
        title: termin.angebot.titel.slice(0, 300),
        description: `${plainText(termin.angebot.inhalt ?? '').slice(0, 4000)}\n\n${source}`,
        ...(termin.angebot.abschlussart ? { certificate: plainText(termin.angebot.abschlussart).slice(0, 300) } : {}),
        hours: Math.max(8, Math.round((lengthDays * 5) / 7) * HOURS_PER_DAY[schedule]),
        formats: [/blended|combined/i.test(form) ? 'blended' : /virtuell|online/i.test(form) ? 'online_live' : 'presence'],
        language: 'de',
        targetGroups: termin.foerderung ? ['employees', 'job_seekers'] : ['employees'],
        accessibility: [],
        priceCents: Math.round((termin.kostenWert ?? 0) * 100),
        azavApproved: termin.foerderung === true,
        skills: [],
      },
      dates: [
        {
          startInDays: 14 + (index % 10) * 7,
          lengthDays,
          schedule,
          venue: { name: (termin.adresse.bezeichnung ?? 'Schulungsort').slice(0, 200), street: (termin.adresse.strasse ?? '').slice(0, 200) || 'Hauptstraße 1', postalCode, city: termin.adresse.ortStrasse.name },
          min: Math.min(termin.teilnehmerMin ?? 0, max),
          max,
        },
      ],
    };
    return [offer];
  });
}
