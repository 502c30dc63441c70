import { foldLabel } from './fold';
import { englishStem } from '../lookup/occupation-bridge';
import { specificity } from '../lookup/resolve-skills-from-text';
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

  it('drops the logistics of a request (who, when, where, format, level): they name no skill', () => {
    expect(tokenize('Excel-Kurs für Schichtleiter, abends oder online, Teilzeit möglich, Grundlagen für Azubis').map((token) => token.folded)).toEqual([
      'excel kurs',
      'excel',
      'kurs',
      'schichtleiter',
    ]);
  });

  it('counts a word less the more skill labels it matches, and stems English words for the occupation bridge', () => {
    expect(specificity(1)).toBe(1);
    expect(specificity(4)).toBe(1);
    expect(specificity(12)).toBeCloseTo(0.61, 2);
    expect(specificity(60)).toBeLessThan(0.45);
    expect(['welder', 'welding', 'nurse', 'nursing', 'cranes', 'forklift'].map(englishStem)).toEqual(['weld', 'weld', 'nurs', 'nurs', 'cran', 'forklift']);
  });

  it('proposes compound splits longest head first, with and without a linking s', () => {
    const splits = compoundSplits('staplerschein');
    expect(splits[0]).toEqual({ head: 'staplersc', tail: 'hein', qualificationTail: false });
    expect(splits).toContainEqual({ head: 'stapler', tail: 'schein', qualificationTail: true });
    expect(compoundSplits('sicherheitstechnik')).toContainEqual({ head: 'sicherheit', tail: 'technik', qualificationTail: false });
    expect(compoundSplits('cnc fraesen')).toEqual([]);
  });
});
