import { LearningFormat, Schedule, TargetGroup } from '@bildungsraum/contracts';

/**
 * German column headers of the bulk intake (case, spaces, hyphens and umlaut spelling do not
 * matter) and how a cell becomes a field. Lists inside a cell are separated by `|` or `,`.
 */
export type CellKind = 'text' | 'int' | 'euro' | 'bool' | 'date' | 'list' | 'targetGroups' | 'formats' | 'schedules';

export interface Column {
  field: string;
  kind: CellKind;
  headers: string[];
}

export const COLUMNS: Column[] = [
  { field: 'companyId', kind: 'text', headers: ['unternehmen-id', 'unternehmensid', 'company id'] },
  { field: 'companyName', kind: 'text', headers: ['unternehmen', 'firma', 'betrieb'] },
  { field: 'description', kind: 'text', headers: ['bedarf', 'beschreibung', 'qualifizierungsbedarf'] },
  { field: 'skillUris', kind: 'list', headers: ['esco-kompetenzen', 'esco kompetenzen', 'kompetenzen (esco)'] },
  { field: 'occupationUri', kind: 'text', headers: ['esco-beruf', 'beruf (esco)'] },
  { field: 'kldbCode', kind: 'text', headers: ['kldb', 'kldb 2010'] },
  { field: 'participants', kind: 'int', headers: ['teilnehmende', 'anzahl', 'teilnehmer', 'anzahl teilnehmende'] },
  { field: 'targetGroups', kind: 'targetGroups', headers: ['zielgruppe', 'zielgruppen'] },
  { field: 'dqrLevel', kind: 'int', headers: ['dqr', 'dqr-niveau'] },
  { field: 'language', kind: 'text', headers: ['sprache'] },
  { field: 'jobSpecificGerman', kind: 'bool', headers: ['berufsbezogenes deutsch', 'berufssprache deutsch'] },
  { field: 'postalCode', kind: 'text', headers: ['plz', 'postleitzahl'] },
  { field: 'city', kind: 'text', headers: ['ort'] },
  { field: 'maxTravelKm', kind: 'int', headers: ['max. entfernung km', 'max entfernung km', 'entfernung km', 'anfahrt km'] },
  { field: 'formats', kind: 'formats', headers: ['format', 'formate', 'lernform'] },
  { field: 'schedules', kind: 'schedules', headers: ['zeitmodell', 'zeiten'] },
  { field: 'earliestStart', kind: 'date', headers: ['frühester beginn', 'fruehester beginn', 'beginn ab'] },
  { field: 'latestEnd', kind: 'date', headers: ['spätestes ende', 'spaetestes ende', 'ende bis'] },
  { field: 'budgetPerParticipantCents', kind: 'euro', headers: ['budget pro person', 'budget pro person (eur)', 'budget je person', 'budget (eur)'] },
  { field: 'fundingAdviceWanted', kind: 'bool', headers: ['förderberatung', 'foerderberatung'] },
  { field: 'participantsAged45Plus', kind: 'int', headers: ['davon 45+', 'ab 45', '45+'] },
  { field: 'participantsSeverelyDisabled', kind: 'int', headers: ['davon schwerbehindert', 'schwerbehindert'] },
  { field: 'nameVisibleToProviders', kind: 'bool', headers: ['name sichtbar', 'name für anbieter sichtbar'] },
];

export const normaliseHeader = (header: string): string => header.trim().toLowerCase().replace(/\s+/g, ' ').replace(/_/g, ' ');

export const TARGET_GROUP_LABELS: Record<string, TargetGroup> = {
  auszubildende: 'apprentices', azubis: 'apprentices', beschäftigte: 'employees', mitarbeitende: 'employees', 'un- und angelernte': 'low_skilled',
  angelernte: 'low_skilled', geflüchtete: 'refugees_migrants', zugewanderte: 'refugees_migrants', 'geflüchtete/zugewanderte': 'refugees_migrants',
  berufsrückkehrende: 'returners', berufsrückkehrerinnen: 'returners', 'lernschwache jugendliche': 'disadvantaged_youth', ältere: 'older_employees', sonstige: 'other',
};

export const FORMAT_LABELS: Record<string, LearningFormat> = {
  präsenz: 'in_person', 'online live': 'online_live', online: 'online_live', blended: 'blended', 'selbstlernen': 'self_paced', 'self-paced': 'self_paced', inhouse: 'in_house', 'in-house': 'in_house',
};

export const SCHEDULE_LABELS: Record<string, Schedule> = {
  vollzeit: 'full_time', teilzeit: 'part_time', abends: 'evenings', wochenende: 'weekends', wochenenden: 'weekends',
};
