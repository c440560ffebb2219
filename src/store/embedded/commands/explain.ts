// explain for find/count/update/delete/findAndModify: reports which access path the query would
// take, in the shape of mongod's queryPlanner.winningPlan (COLLSCAN, IDHACK, FETCH <- IXSCAN).
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import type { CommandContext } from './context';

function winningPlan(plan: string): Document {
  if (plan === 'COLLSCAN') return { stage: 'COLLSCAN' };
  if (plan === 'IDHACK') return { stage: 'IDHACK' };
  if (plan.startsWith('OR ')) {
    return { stage: 'FETCH', inputStage: { stage: 'OR', inputStages: plan.slice(3).split(', ').map(winningPlan) } };
  }
  return { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: plan.slice('IXSCAN '.length) } };
}

export function explain(cmd: Document, ctx: CommandContext): Document {
  const inner = cmd.explain as Document;
  if (!inner || typeof inner !== 'object') throw mongoError('TypeMismatch', "BSON field 'explain' is the wrong type, expected type 'object'");
  const verb = Object.keys(inner)[0];
  const name = inner[verb];
  let filter: Document | undefined;
  switch (verb) {
    case 'find':
      filter = inner.filter;
      break;
    case 'count':
    case 'findAndModify':
      filter = inner.query;
      break;
    case 'update':
      filter = inner.updates?.[0]?.q;
      break;
    case 'delete':
      filter = inner.deletes?.[0]?.q;
      break;
    case 'aggregate':
      filter = inner.pipeline?.[0]?.$match;
      break;
    default:
      throw mongoError('CommandNotSupported', `explain of '${verb}' is not supported by the embedded server`);
  }
  const coll = typeof name === 'string' ? ctx.engine.getCollection(ctx.db, name) : undefined;
  const plan = coll ? coll.plan(filter) : 'COLLSCAN';
  return {
    queryPlanner: { namespace: `${ctx.db}.${String(name)}`, parsedQuery: filter ?? {}, winningPlan: winningPlan(plan), rejectedPlans: [] },
    ok: 1,
  };
}
