import { columnIndex, CsvRecord, field, readRecords } from '../../parse/csv-records';
import { Parsed, ReportBuilder } from '../../parse/source-report';
import { Lang } from '../files/taxonomy-files';
import { LabelSet, OccupationConcept, SkillConcept, SkillType } from '../model/taxonomy-set';
import { isEscoUri, splitLabels } from './esco-labels';

const CONCEPT_COLUMNS = {
  conceptType: ['concepttype'],
  uri: ['concepturi'],
  preferred: ['preferredlabel'],
  alternatives: ['altlabels'],
  hidden: ['hiddenlabels'],
  status: ['status'],
  description: ['description'],
  skillType: ['skilltype'],
  reuseLevel: ['reuselevel'],
  code: ['code'],
  iscoGroup: ['iscogroup'],
} as const;

type Column = keyof typeof CONCEPT_COLUMNS;

const SKILL_TYPES: Record<string, SkillType> = { 'skill/competence': 'skill', knowledge: 'knowledge' };

/**
 * Skills of an ESCO `skills_<lang>.csv` or `*SkillsCollection_<lang>.csv` (same columns).
 * Accepted: released concepts with an ESCO URI, a preferred label and skillType
 * `skill/competence` or `knowledge`.
 */
export function parseEscoSkills(text: string, source: string, lang: Lang): Parsed<SkillConcept> {
  return parseConcepts(text, source, lang, ['uri', 'preferred', 'skillType'], (record, index, labels, reject) => {
    const skillType = field(record, index.skillType);
    const type = SKILL_TYPES[skillType];
    if (!type) return reject(skillType ? `unknown skillType "${skillType}"` : 'skillType missing');
    const reuseLevel = field(record, index.reuseLevel);
    return { uri: field(record, index.uri), type, ...(reuseLevel ? { reuseLevel } : {}), labels: { [lang]: labels } };
  });
}

/** Skill groups of `skillGroups_<lang>.csv` (the upper levels of the skills hierarchy). */
export function parseEscoSkillGroups(text: string, source: string, lang: Lang): Parsed<SkillConcept> {
  return parseConcepts(text, source, lang, ['uri', 'preferred'], (record, index, labels) => {
    const code = field(record, index.code);
    return { uri: field(record, index.uri), type: 'group' as const, ...(code ? { code } : {}), labels: { [lang]: labels } };
  });
}

/** Occupations of `occupations_<lang>.csv`. */
export function parseEscoOccupations(text: string, source: string, lang: Lang): Parsed<OccupationConcept> {
  return parseConcepts(text, source, lang, ['uri', 'preferred'], (record, index, labels, reject) => {
    const conceptType = field(record, index.conceptType);
    if (conceptType && conceptType !== 'Occupation') return reject(`not an occupation (${conceptType})`);
    const iscoGroup = field(record, index.iscoGroup);
    if (iscoGroup && !/^\d{4}$/.test(iscoGroup)) return reject('iscoGroup must have 4 digits');
    const code = field(record, index.code);
    return {
      uri: field(record, index.uri),
      ...(iscoGroup ? { iscoGroup } : {}),
      ...(code ? { code } : {}),
      labels: { [lang]: labels },
    };
  });
}

type Build<T> = (record: CsvRecord, index: Record<Column, number>, labels: LabelSet, reject: (reason: string) => undefined) => T | undefined;

function parseConcepts<T extends { uri: string }>(
  text: string,
  source: string,
  lang: Lang,
  required: Column[],
  build: Build<T>,
): Parsed<T> {
  const [header, ...records] = readRecords(text, { delimiter: ',', quote: true }, source);
  const index = columnIndex(header?.fields ?? [], CONCEPT_COLUMNS, required, source);
  const report = new ReportBuilder<T>(`${source} (${lang})`);
  const seen = new Set<string>();
  for (const record of records) {
    const uri = field(record, index.uri);
    const preferred = field(record, index.preferred);
    const status = field(record, index.status);
    if (!isEscoUri(uri)) {
      report.reject(record.line, 'conceptUri is not an ESCO URI');
      continue;
    }
    if (status && status !== 'released') {
      report.reject(record.line, `status ${status}`, uri);
      continue;
    }
    if (!preferred) {
      report.reject(record.line, 'preferredLabel missing', uri);
      continue;
    }
    if (seen.has(uri)) {
      report.reject(record.line, 'duplicate conceptUri', uri);
      continue;
    }
    const description = field(record, index.description);
    const labels: LabelSet = {
      preferred,
      alternatives: splitLabels(field(record, index.alternatives), preferred),
      hidden: splitLabels(field(record, index.hidden), preferred),
      ...(description ? { description } : {}),
    };
    let rejected = false;
    const row = build(record, index, labels, (reason) => {
      report.reject(record.line, reason, uri);
      rejected = true;
      return undefined;
    });
    if (row && !rejected) {
      seen.add(uri);
      report.accept(row);
    }
  }
  return report.result();
}
