// Turns CSV text into rows keyed by canonical column names, with the line each row starts on.
// Parsing is csv-parse's job (quotes, embedded commas/newlines, BOM, CRLF); this module only maps
// the spreadsheet's headers — Chinese or English, as organisation departments write them — to
// our field names, and reports unknown or missing columns before any row is looked at.
import { parse } from 'csv-parse/sync';
import type { Problem } from '../validation/problem';
import { problem } from '../validation/problem';

export interface ColumnSpec {
  /** canonical field name, used in error reports */
  field: string;
  /** accepted header spellings (compared trimmed, case-insensitive) */
  aliases: string[];
  required?: boolean;
}

export interface CsvRow {
  /** 1-based line in the file where the record starts (the header is line 1) */
  line: number;
  cells: Record<string, string>;
}

export type CsvTable = { rows: CsvRow[]; problems: [] } | { rows: []; problems: (Problem & { line: number })[] };

export const MAX_IMPORT_ROWS = 5000;

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]/g, '');

export function readCsv(text: string, columns: ColumnSpec[]): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { rows: [], problems: [{ line: err.lines ?? 1, ...problem('csv', 'csv.malformed', { line: err.lines ?? 1, reason: err.message }) }] };
  }
  if (records.length < 2) return { rows: [], problems: [{ line: 1, ...problem('csv', 'csv.empty') }] };
  if (records.length - 1 > MAX_IMPORT_ROWS) {
    return { rows: [], problems: [{ line: 1, ...problem('csv', 'csv.tooManyRows', { count: records.length - 1, max: MAX_IMPORT_ROWS }) }] };
  }

  const byAlias = new Map<string, ColumnSpec>();
  for (const c of columns) for (const a of [c.field, ...c.aliases]) byAlias.set(norm(a), c);
  const header = records[0].record;
  const problems: (Problem & { line: number })[] = [];
  const fieldAt: (string | null)[] = header.map((h) => {
    if (h.trim() === '') return null;
    const spec = byAlias.get(norm(h));
    if (!spec) {
      const allowed = columns.map((c) => [c.aliases[0], c.field].join('/')).join(', ');
      problems.push({ line: 1, ...problem(h, 'csv.unknownColumn', { value: h, allowed }) });
      return null;
    }
    return spec.field;
  });
  for (const c of columns) {
    if (c.required && !fieldAt.includes(c.field)) problems.push({ line: 1, ...problem(c.field, 'csv.missingColumn') });
  }
  if (problems.length) return { rows: [], problems };

  // info.lines is the line on which the record ends; a record spanning lines (quoted newline)
  // starts after the previous record's end, skipping blank lines in between.
  const rows: CsvRow[] = [];
  let prevEnd = records[0].info.lines;
  for (const { record, info } of records.slice(1)) {
    const cells: Record<string, string> = {};
    record.forEach((value, i) => {
      const f = fieldAt[i];
      if (f && value !== '') cells[f] = value;
    });
    const newlinesInside = record.reduce((n, v) => n + (v.match(/\r?\n/g)?.length ?? 0), 0);
    rows.push({ line: Math.max(prevEnd + 1, info.lines - newlinesInside), cells });
    prevEnd = info.lines;
  }
  return { rows, problems: [] };
}

/** 是/否, 是/否 variants, true/false, yes/no, 1/0, Y/N. */
export function parseBool(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (['是', '党员', 'true', 'yes', 'y', '1', '√'].includes(v)) return true;
  if (['否', '非党员', '群众', 'false', 'no', 'n', '0', '×'].includes(v)) return false;
  return null;
}

/** Multi-valued cells: 医疗;驾驶 or MEDICAL、DRIVER or "MEDICAL, DRIVER". */
export function splitList(raw: string): string[] {
  return raw
    .split(/[;；、,，|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
