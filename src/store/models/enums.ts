// The domain's closed vocabularies. The GraphQL enums in schema/*.graphql carry the same values;
// test/services/schemaEnums.test.ts keeps the two in step.

export const REGION_LEVELS = ['DISTRICT', 'TOWN', 'COMMUNITY', 'GRID'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const SITE_KINDS = [
  'CHECKPOINT', // 卡点
  'KEY_PLACE', // 重点场所
  'COMMUNITY_OFFICE', // 社区办公点
  'GRID_STATION', // 网格站
  'TESTING_POINT', // 核酸采样点
  'QUARANTINE_HOTEL', // 隔离点
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const UNIT_KINDS = [
  'GOVERNMENT_OFFICE',
  'ENTERPRISE',
  'HOSPITAL',
  'POLICE_STATION',
  'SCHOOL',
  'COMMUNITY_COMMITTEE',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const SKILLS = [
  'MEDICAL',
  'POLICE',
  'DRIVER',
  'TEMPERATURE_CHECK',
  'NUCLEIC_ACID_SAMPLING',
  'PSYCHOLOGICAL_SUPPORT',
  'LOGISTICS',
  'COMMUNITY_WORK',
  'INTERPRETER',
] as const;
export type Skill = (typeof SKILLS)[number];

export const TEAM_KINDS = ['VOLUNTEER_TEAM', 'PARTY_SHOCK_TEAM', 'SCREENING_TEAM'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const DEPLOYMENT_KINDS = ['SENT_DOWN', 'FIRST_SECRETARY'] as const;
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];

export const DEPLOYMENT_STATUSES = ['PLANNED', 'ACTIVE', 'ENDED', 'CANCELLED'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const ROLES = ['ORG_ADMIN', 'UNIT_MANAGER', 'VOLUNTEER', 'EVALUATOR'] as const;
