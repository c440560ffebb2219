import { readCsv, parseBool, splitList, type ColumnSpec } from '../../src/import/csvTable';
import { PEOPLE_COLUMNS } from '../../src/import/people';
import { parseImportDate, skillFromWord, deploymentKindFromWord } from '../../src/import/vocabulary';

const COLS: ColumnSpec[] = PEOPLE_COLUMNS;

describe('readCsv', () => {
  it('strips the BOM, maps Chinese headers and numbers lines from the header (line 1)', () => {
    const t = readCsv('\uFEFF姓名,手机号,党员\n张伟,13800138000,是\n\n李娜,13900139000,否\n', COLS);
    expect(t.problems).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, cells: { name: '张伟', mobile: '13800138000', partyMember: '是' } },
      { line: 4, cells: { name: '李娜', mobile: '13900139000', partyMember: '否' } },
    ]);
  });

  it('maps English headers case-insensitively and keeps the start line of a quoted multi-line cell', () => {
    const t = readCsv('Name,MOBILE,skills\r\n"王\n芳",13700137000,"MEDICAL, DRIVER"\r\n赵强,13600136000,\r\n', COLS);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(t.rows[0].cells).toEqual({ name: '王\n芳', mobile: '13700137000', skills: 'MEDICAL, DRIVER' });
    expect(t.rows[1].cells).toEqual({ name: '赵强', mobile: '13600136000' });
  });

  it('reports unknown and missing columns before reading rows', () => {
    const t = readCsv('姓名,年龄\n张伟,30\n', COLS);
    expect(t.rows).toEqual([]);
    expect(t.problems.map((p) => [p.line, p.rule, p.field])).toEqual([
      [1, 'csv.unknownColumn', '年龄'],
      [1, 'csv.missingColumn', 'mobile'],
    ]);
  });

  it('reports an empty file and a malformed one', () => {
    expect(readCsv('姓名,手机号\n', COLS).problems[0].rule).toBe('csv.empty');
    const bad = readCsv('姓名,手机号\n"张伟,13800138000\n', COLS);
    expect(bad.problems[0].rule).toBe('csv.malformed');
  });
});

describe('cell vocabularies', () => {
  it('reads 是/否 and English booleans', () => {
    expect([parseBool('是'), parseBool('否'), parseBool('TRUE'), parseBool('no'), parseBool('也许')]).toEqual([true, false, true, false, null]);
  });
  it('splits lists on Chinese and ASCII separators', () => {
    expect(splitList('医疗、驾驶;测温，POLICE')).toEqual(['医疗', '驾驶', '测温', 'POLICE']);
  });
  it('maps Chinese skill and deployment-kind words', () => {
    expect(['医疗', '司机', 'medical', '飞行'].map(skillFromWord)).toEqual(['MEDICAL', 'DRIVER', 'MEDICAL', null]);
    expect(['下沉', '第一书记', 'sent_down', '出差'].map(deploymentKindFromWord)).toEqual(['SENT_DOWN', 'FIRST_SECRETARY', 'SENT_DOWN', null]);
  });
  it('reads a bare date as midnight in China and refuses impossible dates', () => {
    expect(parseImportDate('2026-03-01')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(parseImportDate('2026/3/1')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(parseImportDate('2026-03-01T08:00:00+08:00')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseImportDate('2026-02-30')).toBeNull();
    expect(parseImportDate('next monday')).toBeNull();
  });
});
