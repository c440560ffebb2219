// The SDL is the contract: its enums must carry exactly the values the models and services
// accept, or a value valid in one layer would be refused (or silently stored) by the other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import * as enums from '../../src/store/models/enums';

const dir = path.resolve(__dirname, '../../schema');
const sdlEnums = new Map<string, string[]>();
for (const f of readdirSync(dir).filter((x) => x.endsWith('.graphql'))) {
  for (const def of parse(readFileSync(path.join(dir, f), 'utf8')).definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) sdlEnums.set(def.name.value, (def.values ?? []).map((v) => v.name.value));
  }
}

it.each([
  ['RegionLevel', enums.REGION_LEVELS],
  ['SiteKind', enums.SITE_KINDS],
  ['UnitKind', enums.UNIT_KINDS],
  ['Skill', enums.SKILLS],
  ['TeamKind', enums.TEAM_KINDS],
  ['DeploymentKind', enums.DEPLOYMENT_KINDS],
  ['DeploymentStatus', enums.DEPLOYMENT_STATUSES],
  ['Role', enums.ROLES],
])('SDL enum %s matches the model values', (name, values) => {
  expect(sdlEnums.get(name)).toEqual([...values]);
});
