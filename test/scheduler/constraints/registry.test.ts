/**
 * Meta-test: every registered constraint has its own test file that imports that constraint
 * object itself (so a test for rule X fails if rule X is broken, not only the total score).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constraints } from '../../../src/scheduler/constraints';

describe('constraint registry', () => {
  it('has unique names', () => {
    const names = constraints.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
  it.each(constraints.map((c) => [c.name]))('%s has its own test file exercising the constraint object', (name) => {
    const file = join(__dirname, `${name}.test.ts`);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`import { ${name} } from '../../../src/scheduler/constraints/${name}'`);
    expect(text).toMatch(new RegExp(`evaluate\\(${name},|${name}\\.cost\\(`));
  });
  it('each constraint file starts with a header comment stating the rule', () => {
    for (const c of constraints) {
      const src = readFileSync(join(__dirname, '../../../src/scheduler/constraints', `${c.name}.ts`), 'utf8');
      expect(src.trimStart().startsWith('/**')).toBe(true);
      expect(src).toMatch(/Rule \((hard|soft)/);
    }
  });
});
