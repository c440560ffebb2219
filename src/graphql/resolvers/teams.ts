import type { Context } from '../context';
import type { TeamDoc } from '../../store/models/Team';
import type { PersonDoc } from '../../store/models/Person';
import * as teams from '../../services/teams';
import { accessOf } from './access';
import { recordFields, type PageArgsInput } from './shared';
import { loadRef } from '../loaders';

export const teamResolvers = {
  Query: {
    team: async (_: unknown, a: { id: string }, ctx: Context) => teams.getTeam(await accessOf(ctx), a.id),
    teams: async (_: unknown, a: PageArgsInput & { filter?: teams.TeamFilter }, ctx: Context) =>
      teams.listTeams(await accessOf(ctx), a.filter ?? {}, a),
  },
  Mutation: {
    createTeam: async (_: unknown, a: { input: teams.CreateTeamInput }, ctx: Context) => teams.createTeam(await accessOf(ctx), a.input),
    updateTeam: async (_: unknown, a: { id: string; input: teams.UpdateTeamInput }, ctx: Context) =>
      teams.updateTeam(await accessOf(ctx), a.id, a.input),
    archiveTeam: async (_: unknown, a: { id: string }, ctx: Context) => teams.archiveTeam(await accessOf(ctx), a.id),
  },
  Team: {
    ...recordFields,
    region: (t: TeamDoc, _: unknown, ctx: Context) => ctx.loaders.regionById.load(t.regionId.toHexString()),
    unit: (t: TeamDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.unitById, t.unitId),
    leader: (t: TeamDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.personById, t.leaderId),
    members: async (t: TeamDoc, _: unknown, ctx: Context) =>
      (await ctx.loaders.personById.loadMany(t.memberIds.map((id) => id.toHexString()))).filter(
        (p): p is PersonDoc => !!p && !(p instanceof Error),
      ),
    memberCount: (t: TeamDoc) => t.memberIds.length,
  },
};
