/**
 * Reader for the benchmark's text format (FORMAT.md §1–2).
 *
 * Accepts CRLF and LF line endings, `#` comment lines, the trailing empty NotNext field
 * (`D,480,`) and extra blank lines. Anything it cannot read with certainty is rejected with an
 * `NrpParseError` naming the line, the field and the rule that was broken — never a half-read
 * instance: a wrong number silently read would make every objective computed from it wrong.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { NrpCover, NrpEmployee, NrpInstance, NrpShiftRequest, NrpShiftType } from './types';

export const NRP_SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
export type NrpSection = (typeof NRP_SECTIONS)[number];

/** A malformed instance file. `line` is 1-based; `message` is English, `messageZh` Chinese. */
export class NrpParseError extends Error {
  override readonly name = 'NrpParseError';
  readonly source: string;
  readonly line: number | null;
  readonly field: string | null;
  readonly messageZh: string;
  constructor(args: { source: string; line: number | null; field: string | null; en: string; zh: string }) {
    const where = args.line === null ? args.source : `${args.source}:${args.line}`;
    const fieldEn = args.field ? ` (${args.field})` : '';
    super(`${where}${fieldEn}: ${args.en}`);
    this.source = args.source;
    this.line = args.line;
    this.field = args.field;
    this.messageZh = `${where}${args.field ? `（${args.field}）` : ''}：${args.zh}`;
  }
}

export interface ParseNrpOptions {
  /** Instance label used in `NrpInstance.name` and in error messages. Default `instance`. */
  name?: string;
}

interface DataLine {
  readonly line: number;
  readonly fields: string[];
}

/** Parse the text of an instance file. Throws `NrpParseError` on malformed input. */
export function parseNrp(text: string, options: ParseNrpOptions = {}): NrpInstance {
  const source = options.name ?? 'instance';
  const fail = (line: number | null, field: string | null, en: string, zh: string): never => {
    throw new NrpParseError({ source, line, field, en, zh });
  };

  const sections = splitSections(text, fail);
  const intField = (dl: DataLine, index: number, field: string, min: number): number => {
    const raw = dl.fields[index];
    if (raw === undefined || !/^-?\d+$/.test(raw)) {
      return fail(dl.line, field, `expected an integer, got ${JSON.stringify(raw ?? '')}`, `应为整数，实际为 ${JSON.stringify(raw ?? '')}`);
    }
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min) {
      return fail(dl.line, field, `must be an integer ≥ ${min}, got ${raw}`, `必须是不小于 ${min} 的整数，实际为 ${raw}`);
    }
    return value;
  };
  const fieldCount = (dl: DataLine, section: string, allowed: number[], layout: string): void => {
    if (!allowed.includes(dl.fields.length)) {
      fail(
        dl.line,
        null,
        `${section} line must have ${allowed.join(' or ')} comma-separated fields (${layout}), got ${dl.fields.length}`,
        `${section} 的数据行应有 ${allowed.join(' 或 ')} 个逗号分隔字段（${layout}），实际为 ${dl.fields.length} 个`,
      );
    }
  };
  const idField = (dl: DataLine, index: number, field: string): string => {
    const raw = dl.fields[index] ?? '';
    if (raw === '' || /\s/.test(raw)) {
      return fail(dl.line, field, `must be a non-empty identifier without spaces, got ${JSON.stringify(raw)}`, `必须是不含空白的非空标识，实际为 ${JSON.stringify(raw)}`);
    }
    return raw;
  };

  // SECTION_HORIZON
  const horizonLines = sections.SECTION_HORIZON;
  if (horizonLines.length !== 1) {
    fail(horizonLines[1]?.line ?? sections.headerLine.SECTION_HORIZON, 'SECTION_HORIZON', `must hold exactly one line with the number of days, found ${horizonLines.length}`, `应恰好有一行天数，实际为 ${horizonLines.length} 行`);
  }
  const hl = horizonLines[0]!;
  fieldCount(hl, 'SECTION_HORIZON', [1], 'Days');
  const horizon = intField(hl, 0, 'horizon', 1);
  const dayField = (dl: DataLine, index: number, field: string): number => {
    const day = intField(dl, index, field, 0);
    if (day >= horizon) fail(dl.line, field, `day ${day} is outside the horizon 0…${horizon - 1}`, `第 ${day} 天超出排班周期 0…${horizon - 1}`);
    return day;
  };

  // SECTION_SHIFTS
  const shiftIndex = new Map<string, number>();
  const shiftDrafts: { id: string; minutes: number; notNext: string[]; line: number }[] = [];
  for (const dl of sections.SECTION_SHIFTS) {
    // The NotNext list may be empty: `D,480,` (3 fields) — tolerate a missing trailing comma too.
    fieldCount(dl, 'SECTION_SHIFTS', [2, 3], 'ShiftID,Minutes,NotNext');
    const id = idField(dl, 0, 'ShiftID');
    if (shiftIndex.has(id)) fail(dl.line, 'ShiftID', `shift ${id} is defined twice`, `班次 ${id} 重复定义`);
    const minutes = intField(dl, 1, 'Minutes', 1);
    const notNextRaw = dl.fields[2] ?? '';
    const notNext = notNextRaw === '' ? [] : notNextRaw.split('|');
    shiftIndex.set(id, shiftDrafts.length);
    shiftDrafts.push({ id, minutes, notNext, line: dl.line });
  }
  if (shiftDrafts.length === 0) fail(sections.headerLine.SECTION_SHIFTS, 'SECTION_SHIFTS', 'defines no shift type', '未定义任何班次');
  const knownShift = (dl: DataLine, id: string, field: string): string => {
    if (!shiftIndex.has(id)) fail(dl.line, field, `unknown shift ${JSON.stringify(id)}`, `未知班次 ${JSON.stringify(id)}`);
    return id;
  };
  const shifts: NrpShiftType[] = shiftDrafts.map((s) => {
    const seen = new Set<string>();
    for (const t of s.notNext) {
      knownShift({ line: s.line, fields: [] }, t, 'NotNext');
      if (seen.has(t)) fail(s.line, 'NotNext', `shift ${t} is listed twice`, `班次 ${t} 重复列出`);
      seen.add(t);
    }
    return { id: s.id, minutes: s.minutes, notNext: s.notNext };
  });

  // SECTION_STAFF
  const staffIndex = new Map<string, number>();
  const staffDrafts: Omit<NrpEmployee, 'daysOff'>[] = [];
  for (const dl of sections.SECTION_STAFF) {
    fieldCount(
      dl,
      'SECTION_STAFF',
      [8],
      'EmpID,MaxShifts,MaxTotalMinutes,MinTotalMinutes,MaxConsecutiveShifts,MinConsecutiveShifts,MinConsecutiveDaysOff,MaxWeekends',
    );
    const id = idField(dl, 0, 'EmpID');
    if (staffIndex.has(id)) fail(dl.line, 'EmpID', `employee ${id} is defined twice`, `员工 ${id} 重复定义`);
    const maxShifts: Record<string, number> = {};
    for (const s of shifts) maxShifts[s.id] = horizon;
    const listed = new Set<string>();
    const rawMax = dl.fields[1]!;
    for (const pair of rawMax === '' ? [] : rawMax.split('|')) {
      const m = /^([^=]+)=(\d+)$/.exec(pair);
      if (!m) fail(dl.line, 'MaxShifts', `entry ${JSON.stringify(pair)} is not ShiftID=n`, `条目 ${JSON.stringify(pair)} 不是 班次=次数 的形式`);
      const sid = knownShift(dl, m![1]!, 'MaxShifts');
      if (listed.has(sid)) fail(dl.line, 'MaxShifts', `shift ${sid} is listed twice`, `班次 ${sid} 重复列出`);
      listed.add(sid);
      maxShifts[sid] = Number(m![2]);
    }
    staffIndex.set(id, staffDrafts.length);
    staffDrafts.push({
      id,
      maxShifts,
      maxTotalMinutes: intField(dl, 2, 'MaxTotalMinutes', 0),
      minTotalMinutes: intField(dl, 3, 'MinTotalMinutes', 0),
      maxConsecutiveShifts: intField(dl, 4, 'MaxConsecutiveShifts', 0),
      minConsecutiveShifts: intField(dl, 5, 'MinConsecutiveShifts', 0),
      minConsecutiveDaysOff: intField(dl, 6, 'MinConsecutiveDaysOff', 0),
      maxWeekends: intField(dl, 7, 'MaxWeekends', 0),
    });
  }
  if (staffDrafts.length === 0) fail(sections.headerLine.SECTION_STAFF, 'SECTION_STAFF', 'defines no employee', '未定义任何员工');
  const knownEmployee = (dl: DataLine, id: string): number => {
    const index = staffIndex.get(id);
    if (index === undefined) return fail(dl.line, 'EmpID', `unknown employee ${JSON.stringify(id)}`, `未知员工 ${JSON.stringify(id)}`);
    return index;
  };

  // SECTION_DAYS_OFF: one line per employee in the data; several lines for one employee merge.
  const daysOff: Set<number>[] = staffDrafts.map(() => new Set<number>());
  for (const dl of sections.SECTION_DAYS_OFF) {
    const e = knownEmployee(dl, idField(dl, 0, 'EmpID'));
    for (let i = 1; i < dl.fields.length; i++) {
      // A trailing comma (`A,3,`) leaves an empty last field; it carries no day.
      if (dl.fields[i] === '' && i === dl.fields.length - 1) continue;
      daysOff[e]!.add(dayField(dl, i, `day #${i}`));
    }
  }

  // SECTION_SHIFT_ON_REQUESTS / SECTION_SHIFT_OFF_REQUESTS
  const readRequests = (section: 'SECTION_SHIFT_ON_REQUESTS' | 'SECTION_SHIFT_OFF_REQUESTS'): NrpShiftRequest[] => {
    const seen = new Set<string>();
    return sections[section].map((dl) => {
      fieldCount(dl, section, [4], 'EmpID,Day,ShiftID,Weight');
      const employee = idField(dl, 0, 'EmpID');
      knownEmployee(dl, employee);
      const day = dayField(dl, 1, 'Day');
      const shift = knownShift(dl, idField(dl, 2, 'ShiftID'), 'ShiftID');
      const weight = intField(dl, 3, 'Weight', 0);
      const key = `${employee}\u0000${day}\u0000${shift}`;
      if (seen.has(key)) fail(dl.line, null, `duplicate request of ${employee} for shift ${shift} on day ${day}`, `员工 ${employee} 第 ${day} 天班次 ${shift} 的请求重复`);
      seen.add(key);
      return { employee, day, shift, weight };
    });
  };
  const onRequests = readRequests('SECTION_SHIFT_ON_REQUESTS');
  const offRequests = readRequests('SECTION_SHIFT_OFF_REQUESTS');

  // SECTION_COVER
  const coverSeen = new Set<string>();
  const cover: NrpCover[] = sections.SECTION_COVER.map((dl) => {
    fieldCount(dl, 'SECTION_COVER', [5], 'Day,ShiftID,Requirement,WeightUnder,WeightOver');
    const day = dayField(dl, 0, 'Day');
    const shift = knownShift(dl, idField(dl, 1, 'ShiftID'), 'ShiftID');
    const key = `${day}\u0000${shift}`;
    if (coverSeen.has(key)) fail(dl.line, null, `second cover line for shift ${shift} on day ${day}`, `第 ${day} 天班次 ${shift} 的需求行重复`);
    coverSeen.add(key);
    return {
      day,
      shift,
      requirement: intField(dl, 2, 'Requirement', 0),
      weightUnder: intField(dl, 3, 'WeightUnder', 0),
      weightOver: intField(dl, 4, 'WeightOver', 0),
    };
  });

  const staff: NrpEmployee[] = staffDrafts.map((s, e) => ({ ...s, daysOff: [...daysOff[e]!].sort((a, b) => a - b) }));
  return { name: source, horizon, shifts, staff, onRequests, offRequests, cover };
}

/** Read and parse an instance file; the instance is named after the file (`Instance7`). */
export function readNrpFile(file: string): NrpInstance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new NrpParseError({ source: file, line: null, field: null, en: `cannot read the file: ${reason}`, zh: `无法读取文件：${reason}` });
  }
  return parseNrp(text, { name: basename(file, extname(file)) });
}

type Fail = (line: number | null, field: string | null, en: string, zh: string) => never;

type SplitSections = Record<NrpSection, DataLine[]> & { headerLine: Record<NrpSection, number> };

/** Lexical pass: lines → data lines grouped by section, checking the section order. */
function splitSections(text: string, fail: Fail): SplitSections {
  const result = { headerLine: {} } as SplitSections;
  for (const s of NRP_SECTIONS) result[s] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let next = 0; // index in NRP_SECTIONS of the header expected next
  let current: NrpSection | null = null;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line.startsWith('#')) continue;
    const trimmed = line.trim();
    if (trimmed === '') continue; // blank lines end a section's data; the next header starts the next
    if ((NRP_SECTIONS as readonly string[]).includes(trimmed)) {
      const expected = NRP_SECTIONS[next];
      if (trimmed !== expected) {
        fail(lineNo, null, `section ${trimmed} is out of place: expected ${expected ?? 'end of file'}`, `节 ${trimmed} 位置不对：此处应为 ${expected ?? '文件结尾'}`);
      }
      current = trimmed as NrpSection;
      result.headerLine[current] = lineNo;
      next++;
      continue;
    }
    if (current === null) {
      fail(lineNo, null, `data before the first section header: ${JSON.stringify(line)}`, `第一个节标题之前出现数据：${JSON.stringify(line)}`);
    }
    if (line !== trimmed) {
      fail(lineNo, null, 'fields must not be surrounded by spaces', '字段前后不得有空格');
    }
    result[current!].push({ line: lineNo, fields: line.split(',') });
  }
  if (next < NRP_SECTIONS.length) {
    fail(null, null, `missing section ${NRP_SECTIONS[next]}`, `缺少节 ${NRP_SECTIONS[next]}`);
  }
  return result;
}
