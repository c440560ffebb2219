// The README's configuration table and quick start stay true to the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_SPEC } from '../../src/config/config';

const ROOT = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  it('documents every configuration variable with its default', () => {
    for (const v of Object.values(CONFIG_SPEC)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${v.name}\` |`));
      expect([v.name, row !== undefined]).toEqual([v.name, true]);
      expect(row).toContain(v.defaultText === undefined ? '| — |' : `| \`${v.defaultText}\` |`);
    }
  });

  it('gives the quick start as the two commands CI and a newcomer run', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Configuration'));
    const commands = [...quick.matchAll(/```sh\n([^`]*?)\n```/g)].map((m) => m[1]);
    expect(commands.slice(0, 2)).toEqual(['npm ci && npm start', 'npm test']);
    expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
    for (const s of ['start', 'start:api', 'start:worker', 'token', 'test']) expect(pkg.scripts[s]).toBeDefined();
  });
});
