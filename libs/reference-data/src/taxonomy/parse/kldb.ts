import { columnIndex, field, readRecords } from '../../parse/csv-records';
import { Parsed, ReportBuilder } from '../../parse/source-report';
import { KldbEntry, KldbIscoLink } from '../model/taxonomy-set';

/**
 * The BA's `KldB_2010_V2020_Gliederung_mit_Erlaeuterung_*.csv`: semicolon-separated, UTF-8 with
 * BOM, columns `Schlüssel KldB 2010, V. 2020;Ebene;Titel;Kurztitel;...`. The export drops
 * leading zeros (`1104` for the 5-digit code `01104`), so a code is padded to as many digits as
 * its level: the level of a KldB position is its number of digits, its parent the code without
 * the last digit.
 */
export function parseKldb(text: string, source: string): Parsed<KldbEntry> {
  const [header, ...records] = readRecords(text, { delimiter: ';', quote: true }, source);
  const index = columnIndex(
    header?.fields ?? [],
    {
      code: ['schlüssel kldb 2010, v. 2020', 'schlüssel kldb 2010', 'kldb', 'code'],
      level: ['ebene', 'level'],
      title: ['titel', 'title'],
      shortTitle: ['kurztitel'],
    },
    ['code', 'level', 'title'],
    source,
  );
  const report = new ReportBuilder<KldbEntry>(source);
  const seen = new Set<string>();
  for (const record of records) {
    const raw = field(record, index.code);
    const level = Number(field(record, index.level));
    const titleDe = field(record, index.title);
    if (!Number.isInteger(level) || level < 1 || level > 5) {
      report.reject(record.line, 'level must be 1 to 5', raw);
      continue;
    }
    if (!/^\d{1,5}$/.test(raw) || raw.length > level) {
      report.reject(record.line, 'code must have at most as many digits as its level', raw);
      continue;
    }
    const code = raw.padStart(level, '0');
    if (!titleDe) {
      report.reject(record.line, 'title missing', code);
      continue;
    }
    if (seen.has(code)) {
      report.reject(record.line, 'duplicate code', code);
      continue;
    }
    seen.add(code);
    const shortTitleDe = field(record, index.shortTitle);
    report.accept({
      code,
      level,
      titleDe,
      ...(shortTitleDe && shortTitleDe !== titleDe ? { shortTitleDe } : {}),
      ...(level > 1 ? { parentCode: code.slice(0, -1) } : {}),
    });
  }
  return report.result();
}

/** `kldb2010_5d_labels_en.csv`: English titles of 5-digit codes (`kldb2010_5d,label_en`). */
export function parseKldbEnglishLabels(text: string, source: string): Parsed<{ code: string; titleEn: string }> {
  const [header, ...records] = readRecords(text, { delimiter: ',', quote: true }, source);
  const index = columnIndex(header?.fields ?? [], { code: ['kldb2010_5d', 'code'], title: ['label_en', 'title_en'] }, ['code', 'title'], source);
  const report = new ReportBuilder<{ code: string; titleEn: string }>(source);
  for (const record of records) {
    const code = field(record, index.code);
    const titleEn = field(record, index.title);
    if (!/^\d{5}$/.test(code)) report.reject(record.line, 'code must have 5 digits', code);
    else if (!titleEn) report.reject(record.line, 'label missing', code);
    else report.accept({ code, titleEn });
  }
  return report.result();
}

/** BA Umsteigeschlüssel KldB 2010 → ISCO-08: `kldb2010_5d,isco08_4d,is_first_recommended`. */
export function parseKldbIsco(text: string, source: string): Parsed<KldbIscoLink> {
  const [header, ...records] = readRecords(text, { delimiter: ',', quote: true }, source);
  const index = columnIndex(
    header?.fields ?? [],
    { code: ['kldb2010_5d', 'kldb'], isco: ['isco08_4d', 'isco08', 'isco'], recommended: ['is_first_recommended', 'recommended'] },
    ['code', 'isco'],
    source,
  );
  const report = new ReportBuilder<KldbIscoLink>(source);
  for (const record of records) {
    const code = field(record, index.code);
    const iscoGroup = field(record, index.isco);
    if (!/^\d{5}$/.test(code)) report.reject(record.line, 'KldB code must have 5 digits', code);
    else if (!/^\d{4}$/.test(iscoGroup)) report.reject(record.line, 'ISCO-08 group must have 4 digits', code);
    else report.accept({ code, iscoGroup, recommended: field(record, index.recommended) === '1' });
  }
  return report.result();
}
