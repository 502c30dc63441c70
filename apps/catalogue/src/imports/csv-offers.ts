import { parse } from 'csv-parse/sync';
import { COURSE_SCHEDULES, OFFER_FORMATS, OFFER_TARGET_GROUPS } from '@bildungsraum/contracts';
import { ImportItem } from './import-runner';

/** Column → field; German headers first (what providers' spreadsheets use), English accepted too. */
const COLUMNS: Record<string, string> = {
  schluessel: 'key', key: 'key', angebotsschluessel: 'key',
  titel: 'title', title: 'title',
  beschreibung: 'description', description: 'description',
  kompetenzen: 'skills', esco: 'skills', skills: 'skills',
  kldb: 'occupationKldb', beruf: 'occupationKldb',
  abschluss: 'certificate', zertifikat: 'certificate', certificate: 'certificate',
  dqr: 'dqrLevel', dqrniveau: 'dqrLevel',
  stunden: 'hours', unterrichtsstunden: 'hours', hours: 'hours',
  format: 'formats', formate: 'formats', lernform: 'formats',
  sprache: 'language', language: 'language',
  zielgruppen: 'targetGroups', zielgruppe: 'targetGroups',
  barrierefreiheit: 'accessibility',
  preis: 'price', preiseur: 'price', kosten: 'price', price: 'price',
  azav: 'azavApproved', massnahmenummer: 'measureNumber',
  beginn: 'startDate', start: 'startDate', ende: 'endDate', end: 'endDate',
  zeitmodell: 'schedule', unterrichtszeit: 'schedule', zeiten: 'scheduleNote',
  online: 'online', ort: 'venueName', veranstaltungsort: 'venueName', strasse: 'street', plz: 'postalCode', stadt: 'city',
  min: 'minParticipants', mindestteilnehmende: 'minParticipants', minteilnehmer: 'minParticipants',
  max: 'maxParticipants', hoechstteilnehmende: 'maxParticipants', maxteilnehmer: 'maxParticipants', plaetze: 'maxParticipants',
  belegt: 'seatsTaken', anmeldeschluss: 'registrationDeadline',
};

const LABELS: Record<string, Record<string, string>> = {
  formats: { praesenz: 'presence', onlinelive: 'online_live', online: 'online_live', blended: 'blended', selbstlernen: 'self_paced', inhouse: 'in_house' },
  schedule: { vollzeit: 'full_time', teilzeit: 'part_time', abends: 'evening', wochenende: 'weekend', flexibel: 'flexible', berufsbegleitend: 'part_time' },
  targetGroups: { auszubildende: 'apprentices', beschaeftigte: 'employees', unundangelernte: 'unskilled', angelernte: 'unskilled', gefluechtete: 'refugees_migrants', zugewanderte: 'refugees_migrants', berufsrueckkehrende: 'returners', jugendliche: 'disadvantaged_youth', arbeitsuchende: 'job_seekers', fuehrungskraefte: 'managers' },
};

export const normalise = (text: string): string =>
  text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]/g, '');

/** `31.12.2030` or `2030-12-31` → `2030-12-31`; anything else stays as typed (the validator names it). */
export function isoDay(text: string): string {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  return german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : text;
}

const code = (field: string, allowed: readonly string[], raw: string): string => {
  const key = normalise(raw);
  return LABELS[field]?.[key] ?? (allowed.find((value) => normalise(value) === key) ?? raw);
};
const list = (raw: string) => raw.split(/[|,]/).map((item) => item.trim()).filter(Boolean);
const yes = (raw: string) => ['ja', 'yes', 'true', '1', 'x'].includes(raw.trim().toLowerCase());
const integer = (raw: string) => (/^\d+$/.test(raw) ? Number(raw) : raw);

/**
 * Reads a CSV of offers: one row per course date, rows with the same key (or, without a key
 * column, the same title) form one offer. `;` or `,`, UTF-8 with or without BOM.
 */
export function offersFromCsv(text: string): { items: ImportItem[]; unknownColumns: string[] } {
  const content = text.replace(/^\uFEFF/, '');
  const delimiter = (content.split(/\r?\n/, 1)[0]?.match(/;/g)?.length ?? 0) >= (content.split(/\r?\n/, 1)[0]?.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(content, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  const [header = [], ...rows] = records;
  const fields = header.map((cell) => COLUMNS[normalise(cell)]);
  const unknownColumns = header.filter((_cell, index) => !fields[index]);
  const groups = new Map<string, ImportItem>();
  rows.forEach((cells, index) => {
    const line = index + 2;
    const row: Record<string, string> = {};
    fields.forEach((field, column) => {
      const value = (cells[column] ?? '').trim();
      if (field && value) row[field] = value;
    });
    const key = row.key ?? row.title ?? `line-${line}`;
    const item = groups.get(key) ?? { ref: `Zeile ${line}`, fields: offerFields(row), reasons: [] };
    if (groups.has(key)) item.ref = `${item.ref}, ${line}`;
    (item.fields.dates as object[]).push(dateFields(row));
    groups.set(key, item);
  });
  return { items: [...groups.values()], unknownColumns };
}

function offerFields(row: Record<string, string>): Record<string, unknown> {
  const fields: Record<string, unknown> = { dates: [] };
  if (row.title) fields.title = row.title;
  if (row.description) fields.description = row.description;
  if (row.skills) fields.skills = list(row.skills);
  if (row.occupationKldb) fields.occupationKldb = row.occupationKldb;
  if (row.certificate) fields.certificate = row.certificate;
  if (row.dqrLevel) fields.dqrLevel = integer(row.dqrLevel);
  if (row.hours) fields.hours = integer(row.hours);
  fields.formats = row.formats ? list(row.formats).map((raw) => code('formats', OFFER_FORMATS, raw)) : ['presence'];
  if (row.language) fields.language = row.language.toLowerCase() === 'deutsch' ? 'de' : row.language.toLowerCase() === 'englisch' ? 'en' : row.language;
  if (row.targetGroups) fields.targetGroups = list(row.targetGroups).map((raw) => code('targetGroups', OFFER_TARGET_GROUPS, raw));
  if (row.accessibility) fields.accessibility = list(row.accessibility);
  if (row.price) {
    const euros = Number(row.price.replace(/[€\s.]/g, '').replace(',', '.'));
    fields.priceCents = Number.isFinite(euros) ? Math.round(euros * 100) : row.price;
  }
  if (row.azavApproved) fields.azavApproved = yes(row.azavApproved);
  if (row.measureNumber) fields.measureNumber = row.measureNumber;
  return fields;
}

function dateFields(row: Record<string, string>): Record<string, unknown> {
  const online = row.online ? yes(row.online) : false;
  return {
    ...(row.startDate ? { startDate: isoDay(row.startDate) } : {}),
    ...(row.endDate ? { endDate: isoDay(row.endDate) } : {}),
    schedule: row.schedule ? code('schedule', COURSE_SCHEDULES, row.schedule) : 'full_time',
    ...(row.scheduleNote ? { scheduleNote: row.scheduleNote } : {}),
    online,
    ...(!online ? { venue: { ...(row.venueName ? { name: row.venueName } : {}), ...(row.street ? { street: row.street } : {}), postalCode: row.postalCode ?? '', city: row.city ?? '' } } : {}),
    minParticipants: row.minParticipants ? integer(row.minParticipants) : 0,
    maxParticipants: row.maxParticipants ? integer(row.maxParticipants) : 20,
    ...(row.seatsTaken ? { seatsTaken: integer(row.seatsTaken) } : {}),
    ...(row.registrationDeadline ? { registrationDeadline: isoDay(row.registrationDeadline) } : {}),
  };
}
