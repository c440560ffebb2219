import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRoster, NrpRosterFormatError, parseRoster, readRosterFile, writeRosterFile } from '../../../src/scheduler/nrp/format';
import { readNrpFile } from '../../../src/scheduler/nrp/parse';
import { instanceFile, nrpDir } from './nrpDir';

const solutionsDir = path.join(nrpDir, 'solutions');
const published = readdirSync(solutionsDir).filter((f) => /^Instance\d+_sol\d_\d+\.txt$/.test(f));

describe('verification format', () => {
  it('finds the 20 published rosters', () => expect(published).toHaveLength(20));

  it.each(published)('%s round-trips byte for byte', (file) => {
    const inst = readNrpFile(instanceFile(Number(/^Instance(\d+)_/.exec(file)![1])));
    const text = readFileSync(path.join(solutionsDir, file), 'utf8');
    const roster = parseRoster(inst, text, file);
    expect(roster).toHaveLength(inst.staff.length);
    expect(formatRoster(inst, roster)).toBe(text);
  });

  it('lays out rows in SECTION_STAFF order, empty cell = day off, and reads CRLF the same', () => {
    const inst = readNrpFile(instanceFile(2)); // shifts E and L, 14 days
    const rows = inst.staff.map(() => Array<string | null>(14).fill(null));
    rows[0]![0] = 'L';
    rows[13]![13] = 'E';
    const text = formatRoster(inst, rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(15); // 14 rows + the empty string after the final LF
    expect(lines[0]).toBe('L' + '\t'.repeat(13));
    expect(lines[13]).toBe('\t'.repeat(13) + 'E');
    expect(parseRoster(inst, text.replace(/\n/g, '\r\n'))).toEqual(rows);
  });

  it('writes and reads a file', () => {
    const inst = readNrpFile(instanceFile(1));
    const roster = readRosterFile(inst, path.join(solutionsDir, 'Instance1_sol1_608.txt'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nrp-format-'));
    try {
      writeRosterFile(inst, roster, path.join(dir, 'out.txt'));
      expect(readRosterFile(inst, path.join(dir, 'out.txt'))).toEqual(roster);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('rejects rosters that do not fit the instance', () => {
    const inst = readNrpFile(instanceFile(1)); // 8 employees × 14 days, shift D
    const good = readFileSync(path.join(solutionsDir, 'Instance1_sol1_608.txt'), 'utf8');
    const lines = good.split('\n');
    const withLine = (i: number, text: string) => lines.map((l, j) => (j === i ? text : l)).join('\n');

    it.each([
      ['a missing row', lines.slice(1).join('\n'), 'r: must have 8 rows (one per employee of Instance1), got 7'],
      ['a short row', withLine(2, 'D\tD'), 'r:3: row of employee C must have 14 tab-separated cells (one per day), got 2'],
      ['an unknown shift', withLine(0, lines[0]!.replace(/^D?/, 'X')), 'r:1: day 0 of employee A: unknown shift "X"'],
    ])('%s', (_what, text, message) => {
      expect(() => parseRoster(inst, text, 'r')).toThrow(NrpRosterFormatError);
      expect(() => parseRoster(inst, text, 'r')).toThrow(message);
    });

    it('refuses to write a roster of the wrong shape', () => {
      expect(() => formatRoster(inst, [])).toThrow('roster: must have 8 rows (one per employee), got 0');
    });
  });
});
