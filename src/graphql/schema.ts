// Builds the executable schema: every schema/*.graphql file (base first), the platform
// resolvers and the domain resolver map. Refuses to start if a root field has no resolver —
// the SDL is the contract and a field that always returns null would hide the gap.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { Kind, isObjectType, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { platformResolvers } from './platformResolvers';
import { resolvers as domainResolvers } from './resolvers';

/**
 * The repository's schema/ directory seen from a module directory: the nearest directory above
 * it that holds package.json. A fixed relative path would only hold for one layout — the sources
 * run by tsx sit two levels below the root, the compiled build (dist/src/graphql) three.
 */
export function schemaDirFrom(dir: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return path.join(d, 'schema');
    if (path.dirname(d) === d) return path.resolve(dir, '../../schema');
  }
}

export const SCHEMA_DIR = schemaDirFrom(__dirname);

export interface TypeDefFile {
  file: string;
  sdl: string;
}

export function loadTypeDefs(dir = SCHEMA_DIR): TypeDefFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    // base.graphql declares the root types the others extend, so it goes first.
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((file) => ({ file, sdl: readFileSync(path.join(dir, file), 'utf8') }));
}

// The resolver maps are plain objects keyed by type then field; graphql-tools checks them
// against the SDL (a resolver for a field the SDL lacks is an error at build time).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResolverMap = Record<string, any>;

export function buildSchema(resolverMaps: ResolverMap[] = [platformResolvers, domainResolvers], dir = SCHEMA_DIR): GraphQLSchema {
  const typeDefs = withoutEmptyMutation(loadTypeDefs(dir).map((t) => parse(t.sdl, { noLocation: false })));
  const schema = makeExecutableSchema({ typeDefs, resolvers: resolverMaps });
  const missing = missingRootResolvers(schema, resolverMaps);
  if (missing.length > 0) {
    throw new Error(`These schema fields have no resolver: ${missing.join(', ')}`);
  }
  return schema;
}

/**
 * base.graphql declares `type Mutation` with no fields for the areas to extend. While no area
 * has added a mutation yet, an empty root type would make the schema invalid, so it is dropped.
 */
function withoutEmptyMutation(docs: DocumentNode[]): DocumentNode[] {
  const hasMutationFields = docs.some((d) =>
    d.definitions.some(
      (def) =>
        (def.kind === Kind.OBJECT_TYPE_EXTENSION || def.kind === Kind.OBJECT_TYPE_DEFINITION) &&
        def.name.value === 'Mutation' &&
        (def.fields?.length ?? 0) > 0,
    ),
  );
  if (hasMutationFields) return docs;
  return docs.map((d) => ({
    ...d,
    definitions: d.definitions.filter((def) => !(def.kind === Kind.OBJECT_TYPE_DEFINITION && def.name.value === 'Mutation')),
  }));
}

/** Every field of Query and Mutation in the SDL without a resolver function in any map. */
export function missingRootResolvers(schema: GraphQLSchema, resolverMaps: ResolverMap[]): string[] {
  const missing: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root || !isObjectType(root)) continue;
    for (const field of Object.keys(root.getFields())) {
      const found = resolverMaps.some((m) => {
        const r = m[root.name]?.[field];
        return typeof r === 'function' || (r && typeof r === 'object' && typeof r.resolve === 'function');
      });
      if (!found) missing.push(`${root.name}.${field}`);
    }
  }
  return missing;
}
