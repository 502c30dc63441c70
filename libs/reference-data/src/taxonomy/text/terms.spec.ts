import { foldLabel } from './fold';
import { compoundSplits, tokenize } from './terms';

describe('label folding and text terms', () => {
  it('folds umlauts the German way and punctuation to spaces', () => {
    expect(foldLabel('CNC-Fräsmaschine pflegen')).toBe('cnc fraesmaschine pflegen');
    expect(foldLabel('Gabelstaplerfahrer/Gabelstaplerfahrerin')).toBe('gabelstaplerfahrer gabelstaplerfahrerin');
    expect(foldLabel('Straße, Café, C++')).toBe('strasse cafe c++');
  });

  it('keeps content words, hyphenated wholes and their parts, and capitalised acronyms', () => {
    expect(tokenize('Wir brauchen einen Staplerschein für drei Lagerhelfer').map((token) => token.folded)).toEqual(['staplerschein', 'lagerhelfer']);
    expect(tokenize('Kenntnisse im CNC-Fräsen, SAP und IT').map((token) => token.folded)).toEqual([
      'kenntnisse',
      'cnc fraesen',
      'cnc',
      'fraesen',
      'sap',
      'it',
    ]);
  });

  it('proposes compound splits longest head first, with and without a linking s', () => {
    const splits = compoundSplits('staplerschein');
    expect(splits[0]).toEqual({ head: 'staplersc', tail: 'hein', qualificationTail: false });
    expect(splits).toContainEqual({ head: 'stapler', tail: 'schein', qualificationTail: true });
    expect(compoundSplits('sicherheitstechnik')).toContainEqual({ head: 'sicherheit', tail: 'technik', qualificationTail: false });
    expect(compoundSplits('cnc fraesen')).toEqual([]);
  });
});
