import { ReferenceDataFormatError, ReportBuilder, SourceReport } from '../../parse/source-report';
import { EscoFile, findTaxonomyFiles, readTextFile, TaxonomyFiles } from '../files/taxonomy-files';
import { parseEscoOccupations, parseEscoSkillGroups, parseEscoSkills } from '../parse/esco-concepts';
import { parseBroaderSkillRelations, parseOccupationSkillRelations, parseSkillsHierarchy } from '../parse/esco-relations';
import { parseKldb, parseKldbEnglishLabels, parseKldbIsco } from '../parse/kldb';
import { BroaderRelation, KldbEntry, KldbIscoLink, OccupationConcept, OccupationSkillLink, SkillConcept, TaxonomySet } from './taxonomy-set';
import { mergeConcepts } from './merge-concepts';

export interface LoadedTaxonomySet extends TaxonomySet {
  /** One report per file read, then one per merged table. */
  reports: SourceReport[];
}

/**
 * Reads the ESCO and KldB files of a reference data directory (see `findTaxonomyFiles`) and
 * merges the languages by concept URI. Skills or occupations in at least one language are
 * required; every other file is optional.
 */
export function loadTaxonomySet(directory: string, files: TaxonomyFiles = findTaxonomyFiles(directory)): LoadedTaxonomySet {
  const reports: SourceReport[] = [];
  const parseAll = <T>(list: EscoFile[], parse: (text: string, source: string, file: EscoFile) => { rows: T[]; report: SourceReport }) =>
    list.map((file) => {
      const { rows, report } = parse(readTextFile(file.path), file.path, file);
      reports.push(report);
      return { file, rows };
    });

  const langOf = (file: EscoFile) => {
    if (!file.lang) throw new ReferenceDataFormatError(`${file.path}: language missing from the file name`);
    return file.lang;
  };
  // Primary files first: a collection's labels only fill languages a skill has no labels in yet.
  const skillSources = [
    ...parseAll(files.skills, (text, source, file) => parseEscoSkills(text, source, langOf(file))),
    ...parseAll(files.skillCollections, (text, source, file) => parseEscoSkills(text, source, langOf(file))),
    ...parseAll(files.skillGroups, (text, source, file) => parseEscoSkillGroups(text, source, langOf(file))),
  ];
  const occupationSources = parseAll(files.occupations, (text, source, file) => parseEscoOccupations(text, source, langOf(file)));
  if (!skillSources.length && !occupationSources.length) {
    throw new ReferenceDataFormatError(`${directory}: no ESCO skills_<lang>.csv or occupations_<lang>.csv under esco/`);
  }
  const skills = mergeConcepts<SkillConcept>('skills (merged)', skillSources.map((source) => source.rows));
  const occupations = mergeConcepts<OccupationConcept>('occupations (merged)', occupationSources.map((source) => source.rows));

  const broaderRows = [
    ...parseAll(files.broaderSkillRelations, (text, source) => parseBroaderSkillRelations(text, source)),
    ...parseAll(files.skillsHierarchy, (text, source) => parseSkillsHierarchy(text, source)),
  ].flatMap((source) => source.rows);
  const broader = mergeBroader(broaderRows, new Set(skills.rows.map((skill) => skill.uri)));
  const links = mergeOccupationSkills(
    parseAll(files.occupationSkillRelations, (text, source) => parseOccupationSkillRelations(text, source)).flatMap((source) => source.rows),
    new Set(occupations.rows.map((occupation) => occupation.uri)),
    new Set(skills.rows.map((skill) => skill.uri)),
  );
  const kldb = loadKldb(files, reports);
  const kldbIsco = loadKldbIsco(files, new Set(kldb.map((entry) => entry.code)), reports);
  reports.push(skills.report, occupations.report, broader.report, links.report);
  return { skills: skills.rows, occupations: occupations.rows, broader: broader.rows, occupationSkills: links.rows, kldb, kldbIsco, reports };
}

/** Keeps links whose both ends were imported; the same link from several files counts once. */
function mergeBroader(relations: BroaderRelation[], known: Set<string>): { rows: BroaderRelation[]; report: SourceReport } {
  const report = new ReportBuilder<BroaderRelation>('skill broader relations (merged)');
  const seen = new Set<string>();
  for (const relation of relations) {
    const key = `${relation.uri} ${relation.broaderUri}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!known.has(relation.uri) || !known.has(relation.broaderUri)) report.reject(0, 'skill or broader skill not imported', relation.uri);
    else report.accept(relation);
  }
  return report.result();
}

function mergeOccupationSkills(
  links: OccupationSkillLink[],
  occupations: Set<string>,
  skills: Set<string>,
): { rows: OccupationSkillLink[]; report: SourceReport } {
  const report = new ReportBuilder<OccupationSkillLink>('occupation skill relations (merged)');
  const byKey = new Map<string, OccupationSkillLink>();
  for (const link of links) {
    if (!occupations.has(link.occupationUri)) report.reject(0, 'occupation not imported', link.occupationUri);
    else if (!skills.has(link.skillUri)) report.reject(0, 'skill not imported', link.skillUri);
    else {
      const key = `${link.occupationUri} ${link.skillUri}`;
      const existing = byKey.get(key);
      // Listed twice (both essential and optional): the stronger relation wins.
      if (!existing || (existing.relation === 'optional' && link.relation === 'essential')) byKey.set(key, link);
    }
  }
  for (const link of byKey.values()) report.accept(link);
  return report.result();
}

function loadKldb(files: TaxonomyFiles, reports: SourceReport[]): KldbEntry[] {
  if (!files.kldb) return [];
  const { rows, report } = parseKldb(readTextFile(files.kldb), files.kldb);
  reports.push(report);
  if (files.kldbEnglish) {
    const english = parseKldbEnglishLabels(readTextFile(files.kldbEnglish), files.kldbEnglish);
    reports.push(english.report);
    const titles = new Map(english.rows.map((row) => [row.code, row.titleEn]));
    for (const entry of rows) {
      const titleEn = titles.get(entry.code);
      if (titleEn) entry.titleEn = titleEn;
    }
  }
  return rows;
}

/** Links of codes the KldB file has (all of them when it is absent); a link listed twice counts once. */
function loadKldbIsco(files: TaxonomyFiles, codes: Set<string>, reports: SourceReport[]): KldbIscoLink[] {
  if (!files.kldbIsco) return [];
  const { rows, report } = parseKldbIsco(readTextFile(files.kldbIsco), files.kldbIsco);
  reports.push(report);
  const seen = new Set<string>();
  return rows.filter((link) => {
    const key = `${link.code} ${link.iscoGroup}`;
    if (seen.has(key) || (codes.size > 0 && !codes.has(link.code))) return false;
    seen.add(key);
    return true;
  });
}
