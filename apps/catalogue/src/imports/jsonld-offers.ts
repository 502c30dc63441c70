import { ImportItem } from './import-runner';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : isObject(value) && typeof value.name === 'string' ? value.name : undefined);
const typeOf = (node: Json): string[] => asArray(node['@type']).map(String);

/** ISO 8601 duration (`PT24H`, `P5D` as 8-hour days) → hours. */
export function hoursOf(duration: unknown): number | undefined {
  if (typeof duration !== 'string') return undefined;
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration);
  if (!match) return undefined;
  const hours = Number(match[1] ?? 0) * 8 + Number(match[2] ?? 0) + Math.round(Number(match[3] ?? 0) / 60);
  return hours > 0 ? hours : undefined;
}

const SCHEDULES: Record<string, string> = { vollzeit: 'full_time', 'full-time': 'full_time', fulltime: 'full_time', teilzeit: 'part_time', 'part-time': 'part_time', abends: 'evening', evening: 'evening', wochenende: 'weekend', weekend: 'weekend' };

/**
 * schema.org `Course` nodes (a single node, an array, or an `@graph`) → offers in API form; each
 * `hasCourseInstance` becomes a date. What cannot be read is left out, so the validator names it.
 */
export function offersFromJsonLd(document: unknown): ImportItem[] {
  const nodes = isObject(document) && Array.isArray(document['@graph']) ? document['@graph'] : asArray(document);
  return nodes.map((node, index) => {
    const ref = `#${index}`;
    if (!isObject(node) || !typeOf(node).includes('Course')) return { ref, fields: {}, reasons: ['kein schema.org Course / not a schema.org Course'] };
    return { ref, fields: offerOf(node), reasons: [] };
  });
}

function offerOf(course: Json): Json {
  const offers = asArray(course.offers).find(isObject);
  const price = offers ? Number(offers.price) : 0;
  const level = /(\d)/.exec(String(course.educationalLevel ?? ''));
  const instances = asArray(course.hasCourseInstance).filter(isObject);
  const modes = instances.map((instance) => String(instance.courseMode ?? '').toLowerCase());
  const formats = [...new Set(modes.map((mode) => (mode.includes('online') ? 'online_live' : mode.includes('blend') ? 'blended' : 'presence')))];
  const fields: Json = {
    title: text(course.name),
    description: text(course.description) ?? '',
    skills: asArray(course.teaches).map((skill) => (isObject(skill) ? (skill['@id'] ?? skill.url) : skill)).filter((uri): uri is string => typeof uri === 'string' && /^https?:\/\//.test(uri)),
    hours: hoursOf(course.timeRequired),
    formats: formats.length ? formats : ['presence'],
    language: typeof course.inLanguage === 'string' ? course.inLanguage.slice(0, 2).toLowerCase() : 'de',
    priceCents: Number.isFinite(price) ? Math.round(price * 100) : undefined,
    dates: instances.map(dateOf),
  };
  const certificate = text(course.educationalCredentialAwarded);
  if (certificate) fields.certificate = certificate;
  if (level) fields.dqrLevel = Number(level[1]);
  if (typeof course.courseCode === 'string') {
    fields.measureNumber = course.courseCode;
    fields.azavApproved = true;
  }
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function dateOf(instance: Json): Json {
  const location = asArray(instance.location).find(isObject);
  const online = String(instance.courseMode ?? '').toLowerCase().includes('online') || (!!location && typeOf(location).includes('VirtualLocation'));
  const address = location && isObject(location.address) ? location.address : undefined;
  const geo = location && isObject(location.geo) ? location.geo : undefined;
  const workload = String(instance.courseWorkload ?? (isObject(instance.courseSchedule) ? instance.courseSchedule.description : '') ?? '').toLowerCase();
  const date: Json = {
    startDate: String(instance.startDate ?? '').slice(0, 10),
    endDate: String(instance.endDate ?? instance.startDate ?? '').slice(0, 10),
    schedule: Object.entries(SCHEDULES).find(([word]) => workload.includes(word))?.[1] ?? 'full_time',
    online,
    minParticipants: 0,
    maxParticipants: Number(instance.maximumAttendeeCapacity ?? 20),
  };
  if (!online && address) {
    date.venue = {
      ...(text(location?.name) ? { name: text(location?.name) } : {}),
      ...(typeof address.streetAddress === 'string' ? { street: address.streetAddress } : {}),
      postalCode: String(address.postalCode ?? ''),
      city: String(address.addressLocality ?? ''),
      ...(geo && Number.isFinite(Number(geo.latitude)) ? { location: { lat: Number(geo.latitude), lon: Number(geo.longitude) } } : {}),
    };
  }
  return date;
}
