import { columnIndex, field } from '../../parse/csv-records';
import { readEscoRecords } from './esco-records';
import { Parsed, ReportBuilder } from '../../parse/source-report';
import { BroaderRelation, OccupationSkillLink, SkillRelation } from '../model/taxonomy-set';
import { isEscoUri } from './esco-labels';

/** `broaderRelationsSkillPillar.csv`: conceptUri → broaderUri for skills and skill groups. */
export function parseBroaderSkillRelations(text: string, source: string): Parsed<BroaderRelation> {
  const [header, ...records] = readEscoRecords(text, source);
  const index = columnIndex(header?.fields ?? [], { uri: ['concepturi'], broaderUri: ['broaderuri'] }, ['uri', 'broaderUri'], source);
  const report = new ReportBuilder<BroaderRelation>(source);
  for (const record of records) {
    const uri = field(record, index.uri);
    const broaderUri = field(record, index.broaderUri);
    if (!isEscoUri(uri) || !isEscoUri(broaderUri)) report.reject(record.line, 'conceptUri or broaderUri is not an ESCO URI');
    else if (uri === broaderUri) report.reject(record.line, 'concept is its own broader concept', uri);
    else report.accept({ uri, broaderUri });
  }
  return report.result();
}

/**
 * `skillsHierarchy_<lang>.csv`: one row per group with its level 0–3 ancestors; yields each
 * group's link to the group one level up (used where no broaderRelationsSkillPillar exists).
 */
export function parseSkillsHierarchy(text: string, source: string): Parsed<BroaderRelation> {
  const [header, ...records] = readEscoRecords(text, source);
  const levels = { l0: ['level 0 uri'], l1: ['level 1 uri'], l2: ['level 2 uri'], l3: ['level 3 uri'] };
  const index = columnIndex(header?.fields ?? [], levels, ['l0', 'l1'], source);
  const report = new ReportBuilder<BroaderRelation>(source);
  for (const record of records) {
    const path = [index.l0, index.l1, index.l2, index.l3].map((position) => field(record, position)).filter(Boolean);
    if (!path.length || !path.every(isEscoUri)) {
      report.reject(record.line, 'level URIs missing or not ESCO URIs');
      continue;
    }
    // A level-0 row has no broader group: nothing to link, but the row is valid.
    if (path.length === 1) report.accept({ uri: path[0], broaderUri: '' });
    else report.accept({ uri: path[path.length - 1], broaderUri: path[path.length - 2] });
  }
  const result = report.result();
  return { rows: result.rows.filter((row) => row.broaderUri), report: result.report };
}

/** `occupationSkillRelations.csv`: occupationUri, relationType (essential/optional), skillUri. */
export function parseOccupationSkillRelations(text: string, source: string): Parsed<OccupationSkillLink> {
  const [header, ...records] = readEscoRecords(text, source);
  const index = columnIndex(
    header?.fields ?? [],
    { occupationUri: ['occupationuri'], relation: ['relationtype'], skillUri: ['skilluri'] },
    ['occupationUri', 'relation', 'skillUri'],
    source,
  );
  const report = new ReportBuilder<OccupationSkillLink>(source);
  for (const record of records) {
    const occupationUri = field(record, index.occupationUri);
    const skillUri = field(record, index.skillUri);
    const relation = field(record, index.relation);
    if (!isEscoUri(occupationUri) || !isEscoUri(skillUri)) report.reject(record.line, 'occupationUri or skillUri is not an ESCO URI');
    else if (relation !== 'essential' && relation !== 'optional') report.reject(record.line, `unknown relationType "${relation}"`, occupationUri);
    else report.accept({ occupationUri, skillUri, relation: relation as SkillRelation });
  }
  return report.result();
}
