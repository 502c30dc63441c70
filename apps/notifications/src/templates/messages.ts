/** A notification's words in one language: what the inbox shows and what an email says. */
export interface Message {
  title: string;
  body: string;
}

export type Language = 'de' | 'en';
type Data = Record<string, unknown>;
type Template = (data: Data) => Record<Language, Message>;

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : fallback);
const list = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : '');
/** The explanation matching wrote for a match, in the reader's language. */
const explanation = (data: Data, language: Language): string => {
  const explained = data.explanation as Partial<Record<Language, string>> | undefined;
  return explained?.[language] ?? '';
};
const score = (data: Data): string => (typeof data.score === 'number' ? `${Math.round(data.score * 100)} %` : '');

function match(de: [string, string], en: [string, string]): Template {
  return (data) => ({
    de: { title: de[0], body: `${de[1]}\nPassung: ${score(data)}. ${explanation(data, 'de')}\nTeilnehmende: ${text(data.participants)}` },
    en: { title: en[0], body: `${en[1]}\nFit: ${score(data)}. ${explanation(data, 'en')}\nParticipants: ${text(data.participants)}` },
  });
}

const bundle = (deTitle: string, enTitle: string): Template => (data) => ({
  de: { title: deTitle, body: `Bedarfe von ${text((data.needs as unknown[] | undefined)?.length, '0')} Unternehmen mit zusammen ${text(data.totalParticipants)} Teilnehmenden in den Landkreisen ${list(data.districtKeys)}${data.minParticipants ? `; Mindestteilnehmerzahl des Kurses: ${text(data.minParticipants)}` : ''}.` },
  en: { title: enTitle, body: `Needs of ${text((data.needs as unknown[] | undefined)?.length, '0')} companies with ${text(data.totalParticipants)} participants in total in the districts ${list(data.districtKeys)}${data.minParticipants ? `; the course's minimum: ${text(data.minParticipants)}` : ''}.` },
});

/**
 * Where and what a gap is about, readable: matching sends the district's name and kind and the
 * skill group's ESCO label (German where ESCO has one, else English); events without them
 * (older ones, no district list or taxonomy) still name the district key and the group URI.
 */
const gapDistrict = (data: Data, language: Language): string => {
  const name = text(data.districtName);
  if (!name) return language === 'de' ? `Landkreis ${text(data.districtKey)}` : `District ${text(data.districtKey)}`;
  return language === 'de' ? `${text(data.districtKind, 'Landkreis')} ${name}` : `${name} (district)`;
};
const gapSkill = (data: Data, language: Language): string => {
  const label = data.skillGroupLabel as Partial<Record<Language, string>> | undefined;
  return label?.[language] ?? label?.de ?? label?.en ?? text(data.skillGroup);
};

const gap = (deTitle: string, enTitle: string): Template => (data) => ({
  de: { title: deTitle, body: `${gapDistrict(data, 'de')}: ${text(data.participants)} Teilnehmende aus ${text(data.companies)} Unternehmen ohne erreichbares Angebot (${gapSkill(data, 'de')}).` },
  en: { title: enTitle, body: `${gapDistrict(data, 'en')}: ${text(data.participants)} participants from ${text(data.companies)} companies without a reachable offer (${gapSkill(data, 'en')}).` },
});

const need = (deTitle: string, enTitle: string): Template => (data) => ({
  de: { title: deTitle, body: `Bedarf: ${text(data.description)} (${text(data.participants)} Teilnehmende).` },
  en: { title: enTitle, body: `Need: ${text(data.description)} (${text(data.participants)} participants).` },
});

const partner = (deTitle: string, enTitle: string): Template => (data) => ({
  de: { title: deTitle, body: `Organisation: ${text(data.name)}${data.reason ? `. Begründung: ${text(data.reason)}` : ''}` },
  en: { title: enTitle, body: `Organisation: ${text(data.name)}${data.reason ? `. Reason: ${text(data.reason)}` : ''}` },
});

const TEMPLATES: Record<string, Template> = {
  'matching.match.proposed.v1': match(['Passender Kurstermin für Ihren Bedarf', 'Für Ihren Qualifizierungsbedarf wurde ein passender Termin gefunden.'], ['A course date fits your need', 'A course date that fits your qualification need was found.']),
  'matching.match.accepted.v1': match(['Ein Unternehmen möchte an Ihrem Kurs teilnehmen', 'Ein Unternehmen hat den Vorschlag angenommen. Bitte bestätigen Sie die Plätze.'], ['A company wants to join your course', 'A company accepted the proposal. Please confirm the seats.']),
  'matching.match.declined.v1': match(['Vorschlag abgelehnt', 'Das Unternehmen hat den Vorschlag abgelehnt.'], ['Proposal declined', 'The company declined the proposal.']),
  'matching.match.confirmed.v1': match(['Teilnahme bestätigt', 'Der Bildungsträger hat die Plätze bestätigt.'], ['Participation confirmed', 'The provider confirmed the seats.']),
  'matching.match.rejected.v1': match(['Teilnahme abgelehnt', 'Der Bildungsträger hat die Teilnahme abgelehnt.'], ['Participation rejected', 'The provider rejected the participation.']),
  'matching.match.withdrawn.v1': match(['Vorschlag zurückgezogen', 'Der Vorschlag ist nicht mehr gültig (Angebot, Termin oder Plätze entfallen).'], ['Proposal withdrawn', 'The proposal no longer holds (offer, date or seats gone).']),
  'matching.bundle.formed.v1': bundle('Neues Bündel: gemeinsamer Kurs möglich', 'New bundle: a shared course is possible'),
  'matching.bundle.updated.v1': bundle('Bündel geändert', 'Bundle changed'),
  'matching.bundle.dissolved.v1': bundle('Bündel aufgelöst', 'Bundle dissolved'),
  'matching.gap.detected.v1': gap('Angebotslücke in Ihrer Region', 'Gap in your region'),
  'matching.gap.closed.v1': gap('Angebotslücke geschlossen', 'Gap closed'),
  'needs.need.submitted.v1': need('Neuer Qualifizierungsbedarf in Ihrem Verbund', 'New qualification need in your network'),
  'needs.need.withdrawn.v1': need('Bedarf zurückgezogen', 'Need withdrawn'),
  'needs.need.fulfilled.v1': need('Bedarf erfüllt', 'Need fulfilled'),
  'needs.need.expired.v1': need('Bedarf abgelaufen', 'Need expired'),
  'partners.partner.registered.v1': partner('Neue Registrierung zu prüfen', 'New registration to verify'),
  'partners.partner.verified.v1': partner('Ihre Organisation ist freigeschaltet', 'Your organisation is verified'),
  'partners.partner.rejected.v1': partner('Registrierung abgelehnt', 'Registration rejected'),
  'partners.partner.deactivated.v1': partner('Organisation deaktiviert', 'Organisation deactivated'),
  'partners.network.created.v1': partner('Verbund angelegt', 'Network created'),
  'partners.network.updated.v1': partner('Verbund geändert', 'Network changed'),
  'catalogue.offer.published.v1': (data) => ({
    de: { title: 'Neues Angebot in Ihrer Region', body: `Angebot: ${text(data.title)}` },
    en: { title: 'New offer in your region', body: `Offer: ${text(data.title)}` },
  }),
};

/** Words for an event, or a neutral fallback for types without their own template (subscribed downstream systems). */
export function messagesFor(type: string, data: Data): Record<Language, Message> {
  const template = TEMPLATES[type];
  if (template) return template(data);
  return { de: { title: `Ereignis ${type}`, body: '' }, en: { title: `Event ${type}`, body: '' } };
}

export function hasTemplate(type: string): boolean {
  return type in TEMPLATES;
}

/** Notice to an endpoint's owner when it is disabled (410 or failing for days). */
export function endpointDisabledMessages(reason: string): Record<Language, Message> {
  return {
    de: { title: 'Webhook-Endpunkt deaktiviert', body: `Ein Webhook-Endpunkt Ihrer Organisation wurde deaktiviert (${reason}). Prüfen Sie den Empfänger und aktivieren Sie ihn neu.` },
    en: { title: 'Webhook endpoint disabled', body: `A webhook endpoint of your organisation was disabled (${reason}). Check the receiver and re-enable it.` },
  };
}
