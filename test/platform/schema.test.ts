// The SDL is the contract: every root field has a resolver, and a gap is caught at start.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, loadTypeDefs, missingRootResolvers, SCHEMA_DIR, schemaDirFrom } from '../../src/graphql/schema';
import { platformResolvers } from '../../src/graphql/platformResolvers';
import { resolvers as domainResolvers } from '../../src/graphql/resolvers';

describe('schema', () => {
  it('loads base.graphql first and builds with every Query/Mutation field resolved', () => {
    const files = loadTypeDefs().map((f) => f.file);
    expect(files[0]).toBe('base.graphql');
    expect(files.length).toBeGreaterThan(1);
    const schema = buildSchema();
    expect(missingRootResolvers(schema, [platformResolvers, domainResolvers])).toEqual([]);
    expect(Object.keys(schema.getQueryType()!.getFields())).toContain('me');
  });

  it('finds schema/ from the sources and from the compiled build alike', () => {
    const root = path.resolve(__dirname, '../..');
    expect(SCHEMA_DIR).toBe(path.join(root, 'schema'));
    expect(schemaDirFrom(path.join(root, 'src/graphql'))).toBe(path.join(root, 'schema'));
    // dist/src/graphql, where `npm run build` puts this module (the directory need not exist).
    expect(schemaDirFrom(path.join(root, 'dist/src/graphql'))).toBe(path.join(root, 'schema'));
  });

  it('refuses to build when an SDL root field has no resolver', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sdl-'));
    try {
      writeFileSync(path.join(dir, 'base.graphql'), loadTypeDefs(SCHEMA_DIR)[0].sdl);
      writeFileSync(path.join(dir, 'extra.graphql'), 'extend type Query { ghost: Int }\nextend type Mutation { haunt: Int }');
      expect(() => buildSchema([platformResolvers], dir)).toThrow('These schema fields have no resolver: Query.ghost, Mutation.haunt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
