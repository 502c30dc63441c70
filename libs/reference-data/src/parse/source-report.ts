/** What an importer made of one source file: every row is either accepted or rejected with a reason. */
export interface SourceReport {
  source: string;
  read: number;
  accepted: number;
  rejected: number;
  /** Rejections counted by reason, e.g. `{ "postal code must have 5 digits": 2 }`. */
  reasons: Record<string, number>;
  /** The first rejected rows (line number and reason), enough to find the problem in the file. */
  samples: RejectedRow[];
}

export interface RejectedRow {
  /** 1-based line (or feature position) in the file; 0 for rows built from several files. */
  line: number;
  reason: string;
  /** The key of the rejected item (postal code, district key), where there is one. */
  key?: string;
}

export interface Parsed<T> {
  rows: T[];
  report: SourceReport;
}

const MAX_SAMPLES = 20;

/** Collects accepted rows and rejections while a parser walks a file. */
export class ReportBuilder<T> {
  private readonly rows: T[] = [];
  private readonly report: SourceReport;

  constructor(source: string) {
    this.report = { source, read: 0, accepted: 0, rejected: 0, reasons: {}, samples: [] };
  }

  accept(row: T): void {
    this.report.read += 1;
    this.report.accepted += 1;
    this.rows.push(row);
  }

  reject(line: number, reason: string, key?: string): void {
    this.report.read += 1;
    this.report.rejected += 1;
    this.report.reasons[reason] = (this.report.reasons[reason] ?? 0) + 1;
    if (this.report.samples.length < MAX_SAMPLES) this.report.samples.push({ line, reason, ...(key ? { key } : {}) });
  }

  result(): Parsed<T> {
    return { rows: this.rows, report: this.report };
  }
}

/** Thrown for a file that is not in the expected format at all (rather than a few bad rows). */
export class ReferenceDataFormatError extends Error {}
