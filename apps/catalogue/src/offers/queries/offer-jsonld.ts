import { OfferState } from '../domain/offer-model';
import { courseDateView } from '../infra/offer-events';

const MODE: Record<string, string> = { presence: 'onsite', online_live: 'online', blended: 'blended', self_paced: 'online', in_house: 'onsite' };
const WORKLOAD: Record<string, string> = { full_time: 'Vollzeit', part_time: 'Teilzeit', evening: 'abends', weekend: 'Wochenende', flexible: 'flexibel' };

/**
 * schema.org `Course` with one `CourseInstance` per date (JSON-LD), the way search engines and
 * regional portals read course data. Prices are per participant in EUR.
 */
export function offerJsonLd(state: OfferState, baseUrl = 'urn:bildungsraum:offer:'): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': `${baseUrl}${state.id}`,
    identifier: state.id,
    name: state.title,
    description: state.description,
    inLanguage: state.language,
    provider: { '@type': 'Organization', identifier: state.providerId, name: state.providerName },
    ...(state.certificate ? { educationalCredentialAwarded: state.certificate } : {}),
    ...(state.dqrLevel ? { educationalLevel: `DQR ${state.dqrLevel}` } : {}),
    ...(state.occupationKldb || state.occupationEsco
      ? { about: { '@type': 'Occupation', ...(state.occupationEsco ? { '@id': state.occupationEsco } : {}), ...(state.occupationKldb ? { occupationalCategory: `KldB ${state.occupationKldb}` } : {}) } }
      : {}),
    teaches: state.skills.map((uri) => ({ '@type': 'DefinedTerm', '@id': uri, inDefinedTermSet: 'https://esco.ec.europa.eu' })),
    timeRequired: `PT${state.hours}H`,
    audience: state.targetGroups.map((group) => ({ '@type': 'EducationalAudience', educationalRole: group })),
    ...(state.accessibility.length ? { accessibilitySummary: state.accessibility.join('; ') } : {}),
    ...(state.measureNumber ? { courseCode: state.measureNumber } : {}),
    offers: { '@type': 'Offer', price: (state.priceCents / 100).toFixed(2), priceCurrency: 'EUR', category: state.azavApproved ? 'AZAV' : 'Paid' },
    hasCourseInstance: state.dates.map((raw) => {
      const date = courseDateView(raw);
      return {
        '@type': 'CourseInstance',
        identifier: date.id,
        startDate: date.startDate,
        endDate: date.endDate,
        courseMode: date.online ? 'online' : (MODE[state.formats[0] ?? 'presence'] ?? 'onsite'),
        courseSchedule: { '@type': 'Schedule', description: date.scheduleNote ?? WORKLOAD[date.schedule] },
        courseWorkload: WORKLOAD[date.schedule],
        maximumAttendeeCapacity: date.maxParticipants,
        remainingAttendeeCapacity: date.seatsFree,
        ...(date.venue
          ? {
              location: {
                '@type': 'Place',
                ...(date.venue.name ? { name: date.venue.name } : {}),
                address: { '@type': 'PostalAddress', ...(date.venue.street ? { streetAddress: date.venue.street } : {}), postalCode: date.venue.postalCode, addressLocality: date.venue.city, addressCountry: 'DE' },
                geo: { '@type': 'GeoCoordinates', latitude: date.venue.location.lat, longitude: date.venue.location.lon },
              },
            }
          : { location: { '@type': 'VirtualLocation' } }),
      };
    }),
  };
}
