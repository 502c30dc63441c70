/**
 * The fields of further education the generator draws from (DOMAIN.md: metal, logistics, care,
 * IT, commerce, crafts, language and integration, leadership, energy). Titles and descriptions
 * are composed from these parts, so the text search meets realistic German vocabulary.
 */
export interface Domain {
  topics: string[];
  variants: string[];
  sentences: string[];
  certificates: string[];
  kldb: string[];
  skills: string[];
  hours: [number, number];
  priceEuro: [number, number];
  dqr: [number, number];
}

const ESCO = 'http://data.europa.eu/esco/skill/';

export const DOMAINS: Domain[] = [
  {
    topics: ['CNC-Fräsen', 'CNC-Drehen', 'Zerspanungstechnik', 'Industriemechanik', 'Technisches Zeichnen', 'Hydraulik und Pneumatik', 'Qualitätsprüfung in der Fertigung'],
    variants: ['Grundkurs', 'Aufbaukurs', 'für Quereinsteiger', 'mit Heidenhain-Steuerung', 'mit Siemens Sinumerik', 'Praxisseminar'],
    sentences: ['Sie lernen das Einrichten und Bedienen von Werkzeugmaschinen.', 'Programmierung nach DIN 66025 und Messen mit Messschieber und Bügelmessschraube.', 'Viel Praxis an modernen Maschinen in kleinen Gruppen.', 'Technische Zeichnungen lesen und Arbeitspläne erstellen.'],
    certificates: ['Zertifikat CNC-Fachkraft', 'Teilnahmebescheinigung', 'IHK-Zertifikat'],
    kldb: ['24232', '24212', '25102'],
    skills: [`${ESCO}4cb58ef4-67a9-4bea-a743-2c83ebd60e79`, `${ESCO}6f728d63-5c45-40b3-8bfd-e17c5dba28ad`],
    hours: [40, 480],
    priceEuro: [600, 6500],
    dqr: [2, 4],
  },
  {
    topics: ['Gabelstapler-Fahrausweis', 'Staplerschein', 'Lagerlogistik', 'Fachkraft für Lagerlogistik', 'Kranführerschein', 'Ladungssicherung', 'Berufskraftfahrer-Weiterbildung'],
    variants: ['nach DGUV 308-001', 'kompakt', 'mit Prüfung', 'Auffrischung', 'für Lagerhelfer', 'am Wochenende'],
    sentences: ['Sicheres Führen von Flurförderzeugen in Theorie und Praxis.', 'Wareneingang, Kommissionierung und Versand im modernen Lager.', 'Unfallverhütung, Standsicherheit und Lastaufnahmemittel.', 'Abschluss mit theoretischer und praktischer Prüfung.'],
    certificates: ['Fahrausweis für Flurförderzeuge', 'Schulungsnachweis', 'Zertifikat Ladungssicherung'],
    kldb: ['51312', '51322', '52122'],
    skills: [`${ESCO}28cb374e-6261-4133-8371-f9a5470145da`, `${ESCO}3c84f7d9-7a3e-4343-814f-31de0aa61651`],
    hours: [8, 320],
    priceEuro: [150, 3200],
    dqr: [1, 3],
  },
  {
    topics: ['Schweißen MAG', 'Schweißen WIG', 'Elektrofachkraft für festgelegte Tätigkeiten', 'Photovoltaik-Montage', 'Wärmepumpen-Installation', 'SPS-Programmierung', 'Hochvolt-Fahrzeugtechnik'],
    variants: ['Grundlagen', 'mit Schweißerprüfung', 'nach DIN EN ISO 9606-1', 'für Handwerksbetriebe', 'Stufe 2', 'Intensivkurs'],
    sentences: ['Arbeitssicherheit und Nahtvorbereitung an Blech und Rohr.', 'Installation, Inbetriebnahme und Wartung nach aktuellen Normen.', 'Energiewende im Handwerk: Technik, Planung und Kundenberatung.', 'Fehlersuche an elektrischen Anlagen und Steuerungen.'],
    certificates: ['Schweißerprüfbescheinigung', 'Zertifikat Elektrofachkraft', 'HWK-Zertifikat'],
    kldb: ['24422', '26212', '26252'],
    skills: [],
    hours: [24, 400],
    priceEuro: [400, 5800],
    dqr: [2, 5],
  },
  {
    topics: ['Pflegehilfe', 'Betreuungskraft nach § 43b SGB XI', 'Praxisanleitung in der Pflege', 'Wundmanagement', 'Demenzbegleitung', 'Hygienebeauftragte in der Pflege'],
    variants: ['Basiskurs', 'Jahresfortbildung', 'berufsbegleitend', 'mit Praktikum', 'Refresher', 'kompakt'],
    sentences: ['Grundpflege, Dokumentation und Kommunikation mit Angehörigen.', 'Aktivierung und Begleitung von Menschen mit Demenz.', 'Anleitung von Auszubildenden nach dem Pflegeberufegesetz.', 'Rechtliche Grundlagen und Qualitätsstandards in der Altenpflege.'],
    certificates: ['Zertifikat Betreuungskraft', 'Fortbildungsnachweis', 'Zertifikat Praxisanleitung'],
    kldb: ['82101', '81302'],
    skills: [],
    hours: [16, 460],
    priceEuro: [190, 3900],
    dqr: [2, 5],
  },
  {
    topics: ['Excel für Controlling', 'Finanzbuchhaltung mit DATEV', 'Lohn und Gehalt', 'Projektmanagement', 'Agiles Arbeiten mit Scrum', 'Microsoft 365 im Büro', 'Kaufmännische Grundlagen'],
    variants: ['für Einsteiger', 'für Fortgeschrittene', 'mit Zertifikat', 'online live', 'Praxisworkshop', 'Intensivtraining'],
    sentences: ['Auswertungen mit Pivot-Tabellen und Formeln für den Arbeitsalltag.', 'Buchungen, Abschlüsse und Umsatzsteuer-Voranmeldung mit DATEV.', 'Projekte planen, steuern und im Team erfolgreich abschließen.', 'Digitale Zusammenarbeit mit Teams, SharePoint und OneDrive.'],
    certificates: ['DATEV-Zertifikat', 'Professional Scrum Master', 'Teilnahmezertifikat'],
    kldb: ['72213', '71402', '43104'],
    skills: [],
    hours: [12, 640],
    priceEuro: [250, 7200],
    dqr: [3, 6],
  },
  {
    topics: ['Berufsbezogenes Deutsch B1', 'Berufsbezogenes Deutsch B2', 'Deutsch für die Pflege', 'Deutsch am Arbeitsplatz', 'Alphabetisierung und Grundbildung', 'Englisch für den Beruf'],
    variants: ['Teilzeit', 'Vollzeit', 'abends', 'mit Prüfung telc', 'für Zugewanderte', 'Intensivkurs'],
    sentences: ['Kommunikation im Betrieb: Arbeitsanweisungen, Sicherheitsunterweisungen, Teamgespräche.', 'Fachwortschatz und Schreiben von kurzen Berichten.', 'Vorbereitung auf die Sprachprüfung mit Übungstests.', 'Lernen in kleinen Gruppen mit erfahrenen Lehrkräften.'],
    certificates: ['telc Deutsch B1', 'telc Deutsch B2', 'Teilnahmebescheinigung'],
    kldb: [],
    skills: [],
    hours: [60, 600],
    priceEuro: [0, 2400],
    dqr: [1, 3],
  },
  {
    topics: ['Führen ohne Vorgesetztenfunktion', 'Meistervorbereitung Teil III', 'Ausbildung der Ausbilder (AEVO)', 'Konfliktmanagement für Teamleitungen', 'Arbeitsschutz für Führungskräfte', 'Betriebliches Gesundheitsmanagement'],
    variants: ['Seminar', 'Kompaktlehrgang', 'berufsbegleitend', 'mit IHK-Prüfung', 'Workshop', 'Webinarreihe'],
    sentences: ['Mitarbeitende motivieren, Gespräche führen und Konflikte lösen.', 'Vorbereitung auf die Ausbildereignungsprüfung vor der IHK.', 'Gefährdungsbeurteilung und Unterweisung rechtssicher gestalten.', 'Gesundheit im Betrieb fördern und Fehlzeiten senken.'],
    certificates: ['AEVO-Prüfungszeugnis (IHK)', 'Seminarzertifikat', 'Meisterbrief Teil III'],
    kldb: ['71104', '84404'],
    skills: [],
    hours: [8, 400],
    priceEuro: [290, 4400],
    dqr: [4, 6],
  },
  {
    topics: ['Linux-Administration', 'IT-Sicherheit für KMU', 'Webentwicklung mit JavaScript', 'Datenbanken und SQL', 'Cloud-Administration mit Azure', 'Netzwerktechnik'],
    variants: ['Grundlagen', 'Zertifizierungsvorbereitung', 'Bootcamp', 'online live', 'Aufbaukurs', 'für Quereinsteiger'],
    sentences: ['Installation, Konfiguration und Betrieb von Servern.', 'Schutz vor Phishing, Ransomware und Datenverlust im Betrieb.', 'Moderne Webanwendungen planen, entwickeln und testen.', 'Abfragen, Datenmodelle und Auswertungen mit SQL.'],
    certificates: ['LPIC-1', 'Microsoft Certified', 'Teilnahmezertifikat'],
    kldb: ['43412', '43223'],
    skills: [],
    hours: [24, 960],
    priceEuro: [500, 9800],
    dqr: [4, 6],
  },
];

export const TARGET_GROUPS = ['apprentices', 'employees', 'unskilled', 'refugees_migrants', 'returners', 'disadvantaged_youth', 'job_seekers', 'managers'];
export const ACCESSIBILITY = ['barrierefreier Zugang', 'Induktionsschleife', 'Gebärdensprachdolmetschung auf Anfrage', 'Parkplätze'];
