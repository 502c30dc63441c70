import { messagesFor } from './messages';

const gap = { id: 'g', version: 1, status: 'open', districtKey: '06635', skillGroup: 'http://data.europa.eu/esco/skill/a60b664f-bb07-4dd1-8dfa-134a0827f8da', skillUris: [], participants: 8, companies: 4 };

describe('gap messages', () => {
  it('name the district and the skill group in words, German first', () => {
    const words = messagesFor('matching.gap.detected.v1', {
      ...gap,
      districtName: 'Waldeck-Frankenberg',
      districtKind: 'Landkreis',
      skillGroupLabel: { de: 'Bedienen von Hebe- oder Transportvorrichtungen', en: 'operating lifting or moving equipment' },
    });
    expect(words.de).toEqual({
      title: 'Angebotslücke in Ihrer Region',
      body: 'Landkreis Waldeck-Frankenberg: 8 Teilnehmende aus 4 Unternehmen ohne erreichbares Angebot (Bedienen von Hebe- oder Transportvorrichtungen).',
    });
    expect(words.en.body).toBe('Waldeck-Frankenberg (district): 8 participants from 4 companies without a reachable offer (operating lifting or moving equipment).');
    expect(words.de.body).not.toContain('http');
  });

  it('use the English label where ESCO has no German one, and the kind of district given', () => {
    const words = messagesFor('matching.gap.detected.v1', { ...gap, districtKey: '06611', districtName: 'Kassel', districtKind: 'Kreisfreie Stadt', skillGroupLabel: { en: 'operate forklift' } });
    expect(words.de.body).toBe('Kreisfreie Stadt Kassel: 8 Teilnehmende aus 4 Unternehmen ohne erreichbares Angebot (operate forklift).');
  });

  it('fall back to the district key and group URI for events without names', () => {
    expect(messagesFor('matching.gap.closed.v1', gap).de.body).toBe(`Landkreis 06635: 8 Teilnehmende aus 4 Unternehmen ohne erreichbares Angebot (${gap.skillGroup}).`);
  });
});
