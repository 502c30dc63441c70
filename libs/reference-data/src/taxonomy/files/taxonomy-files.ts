import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type Lang = 'de' | 'en';
export const LANGS: readonly Lang[] = ['de', 'en'];

/** One file of the ESCO CSV export, found under `esco/`. */
export interface EscoFile {
  path: string;
  /** The language of its labels; undefined for language-neutral files (relations). */
  lang?: Lang;
}

/** The taxonomy files of a reference data directory, by role. */
export interface TaxonomyFiles {
  /** `skills_<lang>.csv`: the primary source of skills and their labels. */
  skills: EscoFile[];
  /** `*SkillsCollection_<lang>.csv` (same columns): labels for skills missing from `skills_<lang>`. */
  skillCollections: EscoFile[];
  skillGroups: EscoFile[];
  occupations: EscoFile[];
  broaderSkillRelations: EscoFile[];
  skillsHierarchy: EscoFile[];
  occupationSkillRelations: EscoFile[];
  /** `KldB_2010_*Gliederung*.csv` (BA export, `;`, UTF-8 with BOM). */
  kldb?: string;
  /** English titles of 5-digit KldB codes (`kldb2010_5d,label_en`). */
  kldbEnglish?: string;
  /** BA Umsteigeschlüssel KldB 2010 → ISCO-08 (`kldb2010_5d,isco08_4d,is_first_recommended`): links KldB to ESCO occupations. */
  kldbIsco?: string;
}

const ESCO_PATTERNS: Array<[keyof Omit<TaxonomyFiles, 'kldb' | 'kldbEnglish' | 'kldbIsco'>, RegExp]> = [
  ['skills', /^skills_(de|en)\.csv(\.gz)?$/],
  ['skillCollections', /^[a-zA-Z]+SkillsCollection_(de|en)\.csv(\.gz)?$/],
  ['skillGroups', /^skillGroups_(de|en)\.csv(\.gz)?$/],
  ['occupations', /^occupations_(de|en)\.csv(\.gz)?$/],
  ['broaderSkillRelations', /^broaderRelationsSkillPillar(?:_(de|en))?\.csv(\.gz)?$/],
  ['skillsHierarchy', /^skillsHierarchy_(de|en)\.csv(\.gz)?$/],
  ['occupationSkillRelations', /^occupationSkillRelations(?:_(de|en))?\.csv(\.gz)?$/],
];

/**
 * Finds the ESCO files in `<directory>/esco` and its direct subfolders (the official export
 * unpacked as is, one folder per language and version, e.g. `esco/de_v1.2.1`) and the KldB
 * files in `<directory>/kldb`. When the same file name occurs in several folders, the one in
 * the folder with the highest version wins (`en_v1.2.0` over `en_v1.1.1`), so an operator can
 * unpack a newer export beside an older one. `*_DERIVED.csv` files are not read: they are
 * joins of the official files, which are read directly.
 */
export function findTaxonomyFiles(directory: string): TaxonomyFiles {
  const found: TaxonomyFiles = {
    skills: [],
    skillCollections: [],
    skillGroups: [],
    occupations: [],
    broaderSkillRelations: [],
    skillsHierarchy: [],
    occupationSkillRelations: [],
  };
  const escoRoot = join(directory, 'esco');
  const folders = existsSync(escoRoot)
    ? [escoRoot, ...readdirSync(escoRoot).map((name) => join(escoRoot, name)).filter((path) => statSync(path).isDirectory())]
    : [];
  const byName = new Map<string, string>();
  for (const folder of folders.sort(compareVersionFolders)) {
    for (const name of readdirSync(folder)) {
      const key = name.replace(/\.gz$/, '');
      // Later (higher version) folders overwrite earlier ones.
      if (ESCO_PATTERNS.some(([, pattern]) => pattern.test(name))) byName.set(key, join(folder, name));
    }
  }
  for (const path of [...byName.values()].sort()) {
    const name = basename(path);
    for (const [role, pattern] of ESCO_PATTERNS) {
      const match = pattern.exec(name);
      if (match) found[role].push({ path, ...(match[1] ? { lang: match[1] as Lang } : {}) });
    }
  }
  const kldbRoot = join(directory, 'kldb');
  if (existsSync(kldbRoot)) {
    const names = readdirSync(kldbRoot).sort();
    const official = names.filter((name) => /^KldB_2010.*Gliederung.*\.csv(\.gz)?$/i.test(name)).pop();
    const english = names.find((name) => /^kldb2010_5d_labels_en\.csv(\.gz)?$/.test(name));
    if (official) found.kldb = join(kldbRoot, official);
    if (english) found.kldbEnglish = join(kldbRoot, english);
    const isco = names.find((name) => /^kldb2010_5d_to_isco08.*\.csv(\.gz)?$/.test(name));
    if (isco) found.kldbIsco = join(kldbRoot, isco);
  }
  return found;
}

/** Orders `esco`, `esco/de_v1.2.0`, `esco/de_v1.2.1`, `esco/en_v1.10.0` by their version numbers. */
function compareVersionFolders(a: string, b: string): number {
  const version = (path: string) => (/v(\d+(?:\.\d+)*)$/.exec(path)?.[1] ?? '').split('.').map(Number);
  const va = version(a);
  const vb = version(b);
  for (let i = 0; i < Math.max(va.length, vb.length); i++) {
    const diff = (va[i] ?? -1) - (vb[i] ?? -1);
    if (diff) return diff;
  }
  return a.localeCompare(b);
}

/** Reads a UTF-8 text file, gunzipping `.gz` files. */
export function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}
