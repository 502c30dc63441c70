import { parseEscoOccupations, parseEscoSkillGroups, parseEscoSkills } from './esco-concepts';
import { parseBroaderSkillRelations, parseOccupationSkillRelations, parseSkillsHierarchy } from './esco-relations';
import { parseKldb, parseKldbEnglishLabels, parseKldbIsco } from './kldb';

const SKILL = 'http://data.europa.eu/esco/skill';

describe('ESCO CSV parsers (official per-language format)', () => {
  it('reads skills with newline-separated alternative labels and rejects rows with reasons', () => {
    const text = [
      'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,description',
      `KnowledgeSkillCompetence,${SKILL}/a1,skill/competence,cross-sector,operate forklift,"use a forklift\ndrive forklift\noperate forklift",,released,Operate a forklift.`,
      `KnowledgeSkillCompetence,${SKILL}/a2,knowledge,sector-specific,warehouse operations,,wharehouse,released,`,
      `KnowledgeSkillCompetence,${SKILL}/a3,,transversal,no type,,,released,`,
      `KnowledgeSkillCompetence,not-a-uri,knowledge,,x,,,released,`,
      `KnowledgeSkillCompetence,${SKILL}/a4,knowledge,,,,,released,`,
    ].join('\n');
    const { rows, report } = parseEscoSkills(text, 'skills_en.csv', 'en');
    expect(rows).toEqual([
      {
        uri: `${SKILL}/a1`,
        type: 'skill',
        reuseLevel: 'cross-sector',
        labels: { en: { preferred: 'operate forklift', alternatives: ['use a forklift', 'drive forklift'], hidden: [], description: 'Operate a forklift.' } },
      },
      { uri: `${SKILL}/a2`, type: 'knowledge', reuseLevel: 'sector-specific', labels: { en: { preferred: 'warehouse operations', alternatives: [], hidden: ['wharehouse'] } } },
    ]);
    expect(report).toMatchObject({ read: 5, accepted: 2, rejected: 3 });
    expect(report.reasons).toEqual({ 'skillType missing': 1, 'conceptUri is not an ESCO URI': 1, 'preferredLabel missing': 1 });
  });

  it('reads the " | "-joined labels of the thematic collection files', () => {
    const text = [
      'conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT',
      `KnowledgeSkillCompetence,${SKILL}/b1,Haskell,released,knowledge,sector-specific,Haskell | Haskell-Programmierung,Techniken.,${SKILL}/g1,Programmierung`,
    ].join('\n');
    expect(parseEscoSkills(text, 'digitalSkillsCollection_de.csv', 'de').rows[0].labels.de?.alternatives).toEqual(['Haskell-Programmierung']);
  });

  it('reads skill groups and occupations', () => {
    const groups = parseEscoSkillGroups(
      ['conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code', `SkillGroup,${SKILL}/g1,Programmierung,,,released,,,,,S5.6`].join('\n'),
      'skillGroups_de.csv',
      'de',
    );
    expect(groups.rows).toEqual([{ uri: `${SKILL}/g1`, type: 'group', code: 'S5.6', labels: { de: { preferred: 'Programmierung', alternatives: [], hidden: [] } } }]);
    const occupations = parseEscoOccupations(
      [
        'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,code',
        'Occupation,http://data.europa.eu/esco/occupation/o1,8344,Gabelstaplerfahrer/Gabelstaplerfahrerin,"Staplerfahrer\nStaplerfahrerin",,released,8344.1',
        'Occupation,http://data.europa.eu/esco/occupation/o2,83,Zu kurz,,,released,',
      ].join('\n'),
      'occupations_de.csv',
      'de',
    );
    expect(occupations.rows).toEqual([
      {
        uri: 'http://data.europa.eu/esco/occupation/o1',
        iscoGroup: '8344',
        code: '8344.1',
        labels: { de: { preferred: 'Gabelstaplerfahrer/Gabelstaplerfahrerin', alternatives: ['Staplerfahrer', 'Staplerfahrerin'], hidden: [] } },
      },
    ]);
    expect(occupations.report.reasons).toEqual({ 'iscoGroup must have 4 digits': 1 });
  });

  it('reads broader relations, the skills hierarchy and occupation-skill relations', () => {
    expect(
      parseBroaderSkillRelations(['conceptType,conceptUri,broaderType,broaderUri', `KnowledgeSkillCompetence,${SKILL}/a1,SkillGroup,${SKILL}/g1`, `SkillGroup,${SKILL}/g1,SkillGroup,${SKILL}/g1`].join('\n'), 'b.csv'),
    ).toMatchObject({ rows: [{ uri: `${SKILL}/a1`, broaderUri: `${SKILL}/g1` }], report: { rejected: 1 } });
    const hierarchy = parseSkillsHierarchy(
      ['Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI', `${SKILL}/g0,Top,,,`, `${SKILL}/g0,Top,${SKILL}/g1,One,${SKILL}/g2`].join('\n'),
      'h.csv',
    );
    expect(hierarchy.rows).toEqual([{ uri: `${SKILL}/g2`, broaderUri: `${SKILL}/g1` }]);
    expect(hierarchy.report).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    const links = parseOccupationSkillRelations(
      ['occupationUri,relationType,skillType,skillUri', `http://data.europa.eu/esco/occupation/o1,essential,skill/competence,${SKILL}/a1`, `http://data.europa.eu/esco/occupation/o1,nice,knowledge,${SKILL}/a2`].join('\n'),
      'r.csv',
    );
    expect(links.rows).toEqual([{ occupationUri: 'http://data.europa.eu/esco/occupation/o1', skillUri: `${SKILL}/a1`, relation: 'essential' }]);
    expect(links.report.reasons).toEqual({ 'unknown relationType "nice"': 1 });
  });
});

describe('KldB 2010 parser (BA export)', () => {
  it('restores the leading zeros the export drops and derives parents from the code', () => {
    const text = [
      '\uFEFFSchlüssel KldB 2010, V. 2020;Ebene;Titel;Kurztitel;Allgemeine Bemerkungen;',
      '0;1;Militär;Militär;;',
      '1;2;Angehörige der regulären Streitkräfte;Angehörige der regulären Streitkräfte;;',
      '1104;5;Offiziere – komplexe Tätigkeiten;Offiziere - Spezialist;"Bemerkung; mit Semikolon";',
      '123456;5;Zu lang;;;',
      '5;7;Falsche Ebene;;;',
    ].join('\n');
    const { rows, report } = parseKldb(text, 'kldb.csv');
    expect(rows).toEqual([
      { code: '0', level: 1, titleDe: 'Militär' },
      { code: '01', level: 2, titleDe: 'Angehörige der regulären Streitkräfte', parentCode: '0' },
      { code: '01104', level: 5, titleDe: 'Offiziere – komplexe Tätigkeiten', shortTitleDe: 'Offiziere - Spezialist', parentCode: '0110' },
    ]);
    expect(report).toMatchObject({ read: 5, accepted: 3, rejected: 2 });
    expect(parseKldbIsco('kldb2010_5d,isco08_4d,is_first_recommended\n51311,9333,1\n51311,9321,0\n51311,93,0', 'isco.csv')).toMatchObject({
      rows: [{ code: '51311', iscoGroup: '9333', recommended: true }, { code: '51311', iscoGroup: '9321', recommended: false }],
      report: { rejected: 1, reasons: { 'ISCO-08 group must have 4 digits': 1 } },
    });
    expect(parseKldbEnglishLabels('kldb2010_5d,label_en\n01104,Commissioned officers\n1104,bad', 'en.csv').rows).toEqual([{ code: '01104', titleEn: 'Commissioned officers' }]);
  });
});
