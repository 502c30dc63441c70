import { Client } from 'pg';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import {
  createTaxonomyTables,
  findTaxonomyFiles,
  importTaxonomy,
  referenceDataDirectory,
  SkillDirectory,
  TaxonomyImportReport,
  TaxonomySet,
  writeTaxonomy,
} from '../src';

const FORKLIFT = /forklift|stapler/i;
const FORKLIFT_OPERATOR = 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755';

/**
 * Imports the real ESCO and KldB files (BILDUNGSRAUM_REFERENCE_DATA, default ../shared/data)
 * once into a fresh database and checks the look-ups the catalogue and needs intake rely on.
 */
describe('importTaxonomy and SkillDirectory (real files, real Postgres)', () => {
  const directory = referenceDataDirectory();
  let infrastructure: TestInfrastructure;
  let client: Client;
  let report: TaxonomyImportReport;
  let skills: SkillDirectory;

  beforeAll(async () => {
    infrastructure = await provisionTestInfrastructure('taxonomy');
    client = new Client({ connectionString: infrastructure.databaseUrl });
    await client.connect();
    expect(await createTaxonomyTables(client, 'catalogue')).toEqual({ trigram: true });
    report = await importTaxonomy(client, 'catalogue', directory);
    console.info(`taxonomy import: parse ${report.parseMs} ms, write ${report.writeMs} ms`);
    skills = new SkillDirectory(client, 'catalogue');
  });

  afterAll(async () => {
    await client?.end();
    await infrastructure?.dispose();
  });

  it('imports ESCO skills, occupations, relations and KldB and reports every row', () => {
    expect(findTaxonomyFiles(directory).skills.map((file) => file.path)).toContainEqual(expect.stringMatching(/skills_en\.csv\.gz$/));
    expect(report).toMatchObject({ unchanged: false });
    expect(report.skills).toBeGreaterThan(13_000);
    expect(report.skillsWithGermanLabels).toBeGreaterThan(2_000);
    expect(report.occupations).toBeGreaterThan(3_000);
    expect(report.occupationSkills).toBeGreaterThan(100_000);
    expect(report.broaderRelations).toBeGreaterThan(15_000);
    expect(report.kldbCodes).toBe(2195);
    for (const source of report.sources) expect(source.read).toBe(source.accepted + source.rejected);
  });

  it.each(['de', 'en'] as const)('suggest("stapler", %s) ranks forklift skills at the top', async (lang) => {
    const top = await skills.suggest('stapler', { lang, limit: 5 });
    expect(top.slice(0, 2).map((skill) => skill.labels.en)).toEqual(expect.arrayContaining(['operate forklift']));
    expect(top[0].labels.en).toMatch(FORKLIFT);
    expect(top[0].via?.occupationLabel).toMatch(/stapler/i);
  });

  it('finds forklift skills by English label, CNC skills by acronym and German verbs by stem', async () => {
    const forklift = await skills.suggest('forklift', { lang: 'en', limit: 5 });
    expect(forklift.map((skill) => skill.label)).toContain('operate forklift');
    const cnc = await skills.suggest('CNC', { limit: 10 });
    expect(cnc).toHaveLength(10);
    for (const skill of cnc) expect(`${skill.labels.de} ${skill.labels.en} ${skill.matchedLabel}`).toMatch(/cnc/i);
    expect((await skills.suggest('fräsen'))[0].labels.de).toMatch(/Fräs/);
    expect(await skills.suggest('')).toEqual([]);
  });

  it('returns an occupation’s essential skills and navigates the skills hierarchy', async () => {
    const essential = await skills.essentialSkillsOf(FORKLIFT_OPERATOR, { lang: 'en' });
    expect(essential.map((skill) => skill.label)).toContain('operate forklift');
    const operate = essential.find((skill) => skill.label === 'operate forklift');
    const broader = await skills.broader(operate?.uri ?? '', 'en');
    expect(broader.length).toBeGreaterThan(0);
    const narrower = await skills.narrower(broader[0].uri, 'en');
    expect(narrower.map((skill) => skill.uri)).toContain(operate?.uri);
    expect((await skills.suggestOccupations('Staplerfahrer'))[0]).toMatchObject({ uri: FORKLIFT_OPERATOR, iscoGroup: '8344' });
  });

  it('looks up a KldB code with its parent chain and finds codes by title', async () => {
    expect(await skills.kldb('51311')).toMatchObject({
      code: '51311',
      level: 5,
      titleDe: 'Berufe in der Lagerwirtschaft – Helfer-/Anlerntätigkeiten',
      titleEn: 'Occupations in warehousing and logistics-unskilled/semiskilled tasks',
      parentCode: '5131',
      parents: [{ code: '5' }, { code: '51' }, { code: '513' }, { code: '5131' }],
      iscoGroups: ['9333', '8183', '9321'],
    });
    // Forklift drivers: KldB 52531 (Kranführer, Bediener verwandter Hebeeinrichtungen – Helfer) → ISCO 8344 → ESCO "forklift operator".
    const occupations = await skills.occupationsForKldb('52531', { lang: 'en' });
    expect(occupations.find((occupation) => occupation.uri === FORKLIFT_OPERATOR)).toMatchObject({ iscoGroup: '8344', recommended: true });
    expect(await skills.kldb('99999')).toBeUndefined();
    expect((await skills.suggestKldb('Lagerwirtschaft', { level: 5 })).map((entry) => entry.code)).toContain('51311');
  });

  it('resolves German free text to forklift skills with evidence', async () => {
    const resolved = await skills.resolveSkillsFromText('Wir brauchen einen Staplerschein für drei Lagerhelfer', { limit: 10 });
    const forklift = resolved.find((skill) => skill.labels.en === 'operate forklift');
    expect(forklift?.evidence).toContainEqual(expect.objectContaining({ term: 'Stapler', matchedLabel: expect.stringMatching(/stapler/i) }));
    expect(forklift?.confidence).toBeGreaterThan(0.3);
    const cnc = await skills.resolveSkillsFromText('Kenntnisse im CNC-Fräsen', { limit: 3 });
    expect(cnc[0].labels.de).toBe('CNC-Fräsmaschine pflegen');
    // Acronyms match only as written: "WIG" (tungsten inert gas welding) is not "wigs".
    const welding = await skills.resolveSkillsFromText('Schweißer mit Erfahrung im WIG-Schweißen gesucht', { limit: 5 });
    expect(welding[0].labels.en).toMatch(/weld/);
    expect(welding.map((skill) => skill.labels.en).join()).not.toMatch(/wig/);
    // Words ESCO has no German skill label for are read through the vocational glossary, with the entry as evidence.
    const firstAid = await skills.resolveSkillsFromText('Ersthelfer-Ausbildung für 10 Beschäftigte', { limit: 3 });
    expect(firstAid[0].labels.en).toMatch(/first aid/);
    expect(firstAid[0].evidence).toContainEqual(expect.objectContaining({ via: expect.stringMatching(/Fachwortschatz: ersthelfer → first aid/) }));
  });

  it('finds close relatives: siblings in the hierarchy sharing a distinctive word', async () => {
    const [mag] = await skills.suggest('metal active gas welding', { lang: 'en', limit: 1 });
    const relatives = (await skills.closeRelatives([mag.uri])).get(mag.uri) ?? [];
    expect(relatives.length).toBeGreaterThan(0);
    expect(relatives.some((relative) => relative.word === 'weld')).toBe(true);
    expect(relatives.map((relative) => relative.uri)).not.toContain(mag.uri);
  });

  it('re-imports idempotently: unchanged content writes nothing', async () => {
    const before = await client.query('SELECT count(*)::int AS n FROM catalogue.ref_taxonomy_label');
    const again = await importTaxonomy(client, 'catalogue', directory);
    expect(again).toMatchObject({ unchanged: true, skills: report.skills, occupationSkills: report.occupationSkills });
    expect((await client.query('SELECT count(*)::int AS n FROM catalogue.ref_taxonomy_label')).rows).toEqual(before.rows);
  });

  it('rewrites a changed taxonomy in place: vanished concepts go, forced rewrites change nothing', async () => {
    await createTaxonomyTables(client, 'small');
    const labels = (en: string) => ({ en: { preferred: en, alternatives: [], hidden: [] } });
    const set: TaxonomySet = {
      skills: [
        { uri: 'http://data.europa.eu/esco/skill/s1', type: 'skill', labels: labels('operate forklift') },
        { uri: 'http://data.europa.eu/esco/skill/s2', type: 'knowledge', labels: labels('warehouse operations') },
      ],
      broader: [{ uri: 'http://data.europa.eu/esco/skill/s1', broaderUri: 'http://data.europa.eu/esco/skill/s2' }],
      occupations: [],
      occupationSkills: [],
      kldb: [{ code: '5', level: 1, titleDe: 'Verkehr, Logistik' }],
      kldbIsco: [],
    };
    const write = (next: TaxonomySet, force = false) =>
      client.query('BEGIN').then(async () => {
        const unchanged = await writeTaxonomy(client, 'small', next, { force });
        await client.query('COMMIT');
        return unchanged;
      });
    expect(await write(set)).toBe(false);
    expect(await write(set, true)).toBe(false);
    expect(await write(set)).toBe(true);
    const count = async () => (await client.query('SELECT (SELECT count(*) FROM small.ref_skill)::int AS skills, (SELECT count(*) FROM small.ref_taxonomy_label)::int AS labels')).rows[0];
    expect(await count()).toEqual({ skills: 2, labels: 3 });
    expect(await write({ ...set, skills: set.skills.slice(1), broader: [] })).toBe(false);
    expect(await count()).toEqual({ skills: 1, labels: 2 });
  });
});
