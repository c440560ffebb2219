/**
 * The benchmark's roster verification format (schedulingbenchmarks.org verify page, RosterViewer):
 * one row per employee in SECTION_STAFF order, one tab-separated cell per day (day 0 first),
 * the cell holds the shift ID or is empty for a day off. Rows end in LF (CRLF is read too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { NrpInstance, NrpRoster } from './types';

/** A roster file that does not fit its instance. `line` is 1-based. */
export class NrpRosterFormatError extends Error {
  override readonly name = 'NrpRosterFormatError';
  constructor(
    readonly source: string,
    readonly line: number | null,
    readonly rule: string,
  ) {
    super(`${line === null ? source : `${source}:${line}`}: ${rule}`);
  }
}

/** Write `roster` as text: E lines of H tab-separated cells, each line ending in LF. */
export function formatRoster(instance: NrpInstance, roster: NrpRoster): string {
  if (roster.length !== instance.staff.length) {
    throw new NrpRosterFormatError('roster', null, `must have ${instance.staff.length} rows (one per employee), got ${roster.length}`);
  }
  return roster
    .map((row, e) => {
      if (row.length !== instance.horizon) {
        throw new NrpRosterFormatError('roster', e + 1, `employee ${instance.staff[e]!.id} must have ${instance.horizon} days, got ${row.length}`);
      }
      return row.map((cell) => cell ?? '').join('\t') + '\n';
    })
    .join('');
}

/** Read roster text for `instance`; rejects wrong row/cell counts and unknown shift IDs. */
export function parseRoster(instance: NrpInstance, text: string, source = 'roster'): NrpRoster {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const E = instance.staff.length;
  // The text normally ends with a newline (not an extra row); further blank lines after the last
  // employee row carry nothing.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > E && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length !== E) {
    throw new NrpRosterFormatError(source, null, `must have ${E} rows (one per employee of ${instance.name}), got ${lines.length}`);
  }
  const known = new Set(instance.shifts.map((s) => s.id));
  return lines.map((line, e) => {
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length !== instance.horizon) {
      throw new NrpRosterFormatError(source, e + 1, `row of employee ${instance.staff[e]!.id} must have ${instance.horizon} tab-separated cells (one per day), got ${cells.length}`);
    }
    return cells.map((cell, d) => {
      if (cell === '') return null;
      if (!known.has(cell)) {
        throw new NrpRosterFormatError(source, e + 1, `day ${d} of employee ${instance.staff[e]!.id}: unknown shift ${JSON.stringify(cell)}`);
      }
      return cell;
    });
  });
}

export function readRosterFile(instance: NrpInstance, file: string): NrpRoster {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new NrpRosterFormatError(file, null, `cannot read the file: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseRoster(instance, text, file);
}

export function writeRosterFile(instance: NrpInstance, roster: NrpRoster, file: string): void {
  writeFileSync(file, formatRoster(instance, roster));
}
