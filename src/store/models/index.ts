export { RegionModel, type RegionDoc } from './Region';
export { SiteModel, type SiteDoc } from './Site';
export { UnitModel, type UnitDoc } from './Unit';
export { PersonModel, type PersonDoc } from './Person';
export { TeamModel, type TeamDoc } from './Team';
export { DeploymentModel, type DeploymentDoc } from './Deployment';
export * from './enums';
export type { Actor } from './audit';
