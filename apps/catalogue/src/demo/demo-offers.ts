import type { CreateOfferRequest } from '../offers/commands/offer.requests';

/** ESCO skills of the demo offers (present in the shared ESCO export). */
export const ESCO = {
  operateForklift: 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da',
  tendCncMilling: 'http://data.europa.eu/esco/skill/4cb58ef4-67a9-4bea-a743-2c83ebd60e79',
};

/** Which demo provider offers it: matched against the names in `.data/demo-partners.json`. */
export type DemoProviderKey = 'bildungswerk' | 'schule' | 'weser';
export const DEMO_PROVIDER_NAMES: Record<DemoProviderKey, RegExp> = {
  bildungswerk: /Bildungswerk Nordhessen/,
  schule: /Berufliche Schulen Korbach/,
  weser: /Weserbergland Akademie/,
};

export interface DemoDate {
  /** Days from today (the demo stays fresh whenever it is loaded). */
  startInDays: number;
  lengthDays: number;
  schedule: 'full_time' | 'part_time' | 'evening' | 'weekend';
  venue?: { name: string; street: string; postalCode: string; city: string };
  min: number;
  max: number;
  taken?: number;
}

export interface DemoOffer {
  key: string;
  provider: DemoProviderKey;
  offer: Omit<CreateOfferRequest, 'dates' | 'providerId'>;
  dates: DemoDate[];
}

const homberg = { name: 'Bildungszentrum Homberg', street: 'Ziegenhainer Straße 10', postalCode: '34576', city: 'Homberg (Efze)' };
const kassel = { name: 'Technikzentrum Kassel', street: 'Wolfhager Straße 200', postalCode: '34127', city: 'Kassel' };
const korbach = { name: 'Berufliche Schulen Korbach', street: 'Kasseler Straße 30', postalCode: '34497', city: 'Korbach' };
const holzminden = { name: 'Weserbergland Akademie', street: 'Obere Straße 5', postalCode: '37603', city: 'Holzminden' };
const hoexter = { name: 'Lernwerkstatt Höxter', street: 'Corveyer Allee 7', postalCode: '37671', city: 'Höxter' };

/** Courses of the demo region: CNC and forklift courses in Nordhessen, one running only from 8 participants. */
export const DEMO_OFFERS: DemoOffer[] = [
  {
    key: 'cnc-fraesen',
    provider: 'bildungswerk',
    offer: {
      title: 'CNC-Fräsen Grundkurs (Heidenhain TNC)',
      description: 'Zeichnungen lesen, Werkzeuge auswählen, Fräsmaschinen einrichten und Programme nach DIN 66025 und Heidenhain-Klartext erstellen. Praxis an der Maschine, Abschlussprüfung mit Zertifikat.',
      skills: [ESCO.tendCncMilling],
      occupationKldb: '24232',
      certificate: 'Zertifikat CNC-Fachkraft Fräsen',
      dqrLevel: 3,
      hours: 320,
      formats: ['presence'],
      language: 'de',
      targetGroups: ['employees', 'unskilled', 'job_seekers'],
      accessibility: ['barrierefreier Zugang', 'Parkplätze'],
      priceCents: 480000,
      azavApproved: true,
      measureNumber: '955/2041/2025',
    },
    dates: [
      { startInDays: 35, lengthDays: 56, schedule: 'full_time', venue: homberg, min: 6, max: 12, taken: 3 },
      { startInDays: 70, lengthDays: 120, schedule: 'part_time', venue: kassel, min: 6, max: 14 },
    ],
  },
  {
    key: 'stapler-homberg',
    provider: 'bildungswerk',
    offer: {
      title: 'Gabelstapler-Fahrausweis nach DGUV Grundsatz 308-001',
      description: 'Ausbildung zum Fahrer von Flurförderzeugen: Rechtsgrundlagen, Standsicherheit, Lastaufnahme, Praxis auf dem Übungsgelände, theoretische und praktische Prüfung. Der Kurs findet ab 8 Teilnehmenden statt.',
      skills: [ESCO.operateForklift],
      occupationKldb: '51312',
      certificate: 'Fahrausweis für Flurförderzeuge',
      dqrLevel: 2,
      hours: 24,
      formats: ['presence'],
      language: 'de',
      targetGroups: ['employees', 'unskilled', 'refugees_migrants'],
      accessibility: [],
      priceCents: 39000,
      azavApproved: false,
    },
    dates: [{ startInDays: 21, lengthDays: 3, schedule: 'full_time', venue: homberg, min: 8, max: 12, taken: 5 }],
  },
  {
    key: 'stapler-korbach',
    provider: 'schule',
    offer: {
      title: 'Staplerschein am Samstag – Flurförderzeuge sicher führen',
      description: 'Kompaktkurs an zwei Samstagen für Beschäftigte aus Lager und Produktion. Theorie im Schulungsraum, Praxis in der Lagerhalle der Berufsschule.',
      skills: [ESCO.operateForklift],
      occupationKldb: '51312',
      certificate: 'Fahrausweis für Flurförderzeuge',
      dqrLevel: 2,
      hours: 20,
      formats: ['presence'],
      language: 'de',
      targetGroups: ['employees', 'apprentices'],
      accessibility: ['barrierefreier Zugang'],
      priceCents: 29000,
      azavApproved: false,
    },
    dates: [{ startInDays: 28, lengthDays: 8, schedule: 'weekend', venue: korbach, min: 6, max: 10 }],
  },
  {
    key: 'cnc-drehen-abend',
    provider: 'schule',
    offer: {
      title: 'CNC-Drehen für Quereinsteiger (abends)',
      description: 'Berufsbegleitender Abendkurs: Grundlagen der Zerspanung, Programmieren von CNC-Drehmaschinen, Messen und Prüfen.',
      skills: [],
      occupationKldb: '24232',
      dqrLevel: 3,
      hours: 140,
      formats: ['presence', 'blended'],
      language: 'de',
      targetGroups: ['employees', 'unskilled'],
      accessibility: [],
      priceCents: 210000,
      azavApproved: true,
      measureNumber: '955/2077/2025',
    },
    dates: [{ startInDays: 45, lengthDays: 150, schedule: 'evening', venue: korbach, min: 8, max: 16 }],
  },
  {
    key: 'deutsch-logistik',
    provider: 'weser',
    offer: {
      title: 'Berufsbezogenes Deutsch B1 für Lager und Logistik',
      description: 'Deutsch am Arbeitsplatz: Arbeitsanweisungen, Sicherheitsunterweisungen, Lieferscheine und Gespräche im Team. Mit Fachwortschatz Lager und Logistik.',
      skills: [],
      dqrLevel: 2,
      hours: 160,
      formats: ['presence'],
      language: 'de',
      targetGroups: ['refugees_migrants', 'employees'],
      accessibility: [],
      priceCents: 0,
      azavApproved: true,
      measureNumber: '962/3310/2025',
    },
    dates: [{ startInDays: 14, lengthDays: 90, schedule: 'part_time', venue: holzminden, min: 8, max: 18 }],
  },
  {
    key: 'schweissen-mag',
    provider: 'weser',
    offer: {
      title: 'Schweißen MAG – Grundlagen mit Prüfung nach DIN EN ISO 9606-1',
      description: 'Metallaktivgasschweißen an Blech und Rohr, Arbeitssicherheit, Nahtvorbereitung, Schweißerprüfung.',
      skills: [],
      occupationKldb: '24422',
      certificate: 'Schweißerprüfbescheinigung DIN EN ISO 9606-1',
      dqrLevel: 3,
      hours: 200,
      formats: ['presence'],
      language: 'de',
      targetGroups: ['employees', 'unskilled', 'job_seekers'],
      accessibility: [],
      priceCents: 320000,
      azavApproved: true,
      measureNumber: '962/3402/2025',
    },
    dates: [{ startInDays: 42, lengthDays: 50, schedule: 'full_time', venue: hoexter, min: 5, max: 8 }],
  },
  {
    key: 'excel-online',
    provider: 'weser',
    offer: {
      title: 'Excel für Arbeitsvorbereitung und Fertigungsplanung (online live)',
      description: 'Live-Online-Kurs an vier Abenden: Tabellen, Formeln, Pivot-Auswertungen für Stücklisten und Kapazitätsplanung.',
      skills: [],
      hours: 12,
      formats: ['online_live'],
      language: 'de',
      targetGroups: ['employees'],
      accessibility: ['Untertitel'],
      priceCents: 24000,
      azavApproved: false,
    },
    dates: [{ startInDays: 10, lengthDays: 21, schedule: 'evening', min: 0, max: 25 }],
  },
];
