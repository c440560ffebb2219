// Every rule the domain code can raise has a message in both languages, and every message
// uses the same parameters in both: a missing catalogue entry would reach users as a bare key.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasMessage, messages, translate } from '../../src/i18n/messages';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const ROOT = path.resolve(__dirname, '../..');
const sources = ['src/services', 'src/import', 'src/validation'].flatMap((d) => files(path.join(ROOT, d)));
const FIELD_PREFIXES = ['input.', 'filter.'];
const rules = new Set<string>();
for (const f of sources) {
  for (const m of readFileSync(f, 'utf8').matchAll(/'([a-zA-Z]+\.[a-zA-Z]+)'/g)) {
    if (!FIELD_PREFIXES.some((p) => m[1].startsWith(p))) rules.add(m[1]);
  }
}

it('finds the rules in the source (sanity check of the scan)', () => {
  expect(rules.has('mobile.invalid')).toBe(true);
  expect(rules.size).toBeGreaterThan(30);
});

it.each([...rules].sort())('%s has an English and a Chinese message', (rule) => {
  expect(hasMessage(rule)).toBe(true);
  expect(messages[rule].en.length).toBeGreaterThan(0);
  expect(messages[rule]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
});

it('English and Chinese templates use the same parameters', () => {
  const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  for (const rule of rules) expect([rule, params(messages[rule]['zh-CN'])]).toEqual([rule, params(messages[rule].en)]);
});

it('renders with parameters', () => {
  expect(translate('text.length', 'zh-CN', { field: 'input.name', min: 1, max: 50, actual: 51 })).toBe('input.name 长度须为 1–50 个字符（实际 51 个）');
});
