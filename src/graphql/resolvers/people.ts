import type { Context } from '../context';
import type { PersonDoc } from '../../store/models/Person';
import * as people from '../../services/people/people';
import { listDeployments } from '../../services/deployments';
import { revealResidentId } from '../../services/people/residentIdVault';
import { importPeople } from '../../import/people';
import { accessOf } from './access';
import { recordFields, type PageArgsInput } from './shared';
import { presentImport } from './importResult';
import { loadRef } from '../loaders';

export const personResolvers = {
  Query: {
    person: async (_: unknown, a: { id: string }, ctx: Context) => people.getPerson(await accessOf(ctx), a.id),
    people: async (_: unknown, a: PageArgsInput & { filter?: people.PersonFilter }, ctx: Context) =>
      people.listPeople(await accessOf(ctx), a.filter ?? {}, a),
  },
  Mutation: {
    createPerson: async (_: unknown, a: { input: people.CreatePersonInput }, ctx: Context) =>
      people.createPerson(await accessOf(ctx), a.input),
    updatePerson: async (_: unknown, a: { id: string; input: people.UpdatePersonInput }, ctx: Context) =>
      people.updatePerson(await accessOf(ctx), a.id, a.input),
    archivePerson: async (_: unknown, a: { id: string }, ctx: Context) => people.archivePerson(await accessOf(ctx), a.id),
    importPeople: async (_: unknown, a: { csv: string; dryRun?: boolean | null }, ctx: Context) =>
      presentImport(await importPeople(await accessOf(ctx), a.csv, a.dryRun ?? false), ctx),
  },
  Person: {
    ...recordFields,
    homeUnit: (p: PersonDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.unitById, p.homeUnitId),
    homeRegion: (p: PersonDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.regionById, p.homeRegionId),
    // Personal data: decrypted for ORG_ADMIN only, masked for every other role.
    residentId: (p: PersonDoc, _: unknown, ctx: Context) => {
      if (!p.residentIdCipher) return null;
      return ctx.caller?.role === 'ORG_ADMIN' ? revealResidentId(p.residentIdCipher) : p.residentIdMasked;
    },
    deployments: async (p: PersonDoc, a: PageArgsInput, ctx: Context) =>
      listDeployments(await accessOf(ctx), { personId: p._id.toHexString() }, a),
  },
};
