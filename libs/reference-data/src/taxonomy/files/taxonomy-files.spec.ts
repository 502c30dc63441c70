import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findTaxonomyFiles, readTextFile } from './taxonomy-files';

describe('findTaxonomyFiles', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'taxonomy-files-'));
    const put = (path: string, content: string | Buffer) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    };
    put('esco/en_v1.1.1/skills_en.csv.gz', gzipSync('conceptUri\n'));
    put('esco/en_v1.1.1/occupationSkillRelations.csv.gz', gzipSync('x'));
    put('esco/de_v1.2.0/skillsHierarchy_de.csv', 'old');
    put('esco/de_v1.10.0/skillsHierarchy_de.csv', 'new');
    put('esco/de_v1.2.1/digitalSkillsCollection_de.csv', 'x');
    put('esco/occupations_de.csv', 'x');
    put('esco/esco_skills_bilingual_DERIVED.csv', 'x');
    put('kldb/KldB_2010_V2020_Gliederung_mit_Erlaeuterung_2025-02-03.csv', 'x');
    put('kldb/kldb2010_5d_labels_en.csv', 'x');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the official files by role and language, the highest version folder winning', () => {
    const files = findTaxonomyFiles(root);
    expect(files.skills).toEqual([{ path: join(root, 'esco/en_v1.1.1/skills_en.csv.gz'), lang: 'en' }]);
    expect(files.occupations).toEqual([{ path: join(root, 'esco/occupations_de.csv'), lang: 'de' }]);
    expect(files.skillCollections).toEqual([{ path: join(root, 'esco/de_v1.2.1/digitalSkillsCollection_de.csv'), lang: 'de' }]);
    expect(files.skillsHierarchy).toEqual([{ path: join(root, 'esco/de_v1.10.0/skillsHierarchy_de.csv'), lang: 'de' }]);
    expect(files.occupationSkillRelations).toEqual([{ path: join(root, 'esco/en_v1.1.1/occupationSkillRelations.csv.gz') }]);
    expect(files.kldb).toBe(join(root, 'kldb/KldB_2010_V2020_Gliederung_mit_Erlaeuterung_2025-02-03.csv'));
    expect(files.kldbEnglish).toBe(join(root, 'kldb/kldb2010_5d_labels_en.csv'));
    expect(readTextFile(files.skills[0].path)).toBe('conceptUri\n');
  });

  it('finds nothing in a directory without esco/ and kldb/', () => {
    expect(findTaxonomyFiles(join(root, 'esco', 'de_v1.2.0'))).toMatchObject({ skills: [], occupations: [] });
  });
});
