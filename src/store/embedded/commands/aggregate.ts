// aggregate through mingo. A leading $match is served by the collection's indexes; $lookup and
// friends resolve other collections of the same database. $out/$merge write to collections and
// are refused rather than half-supported.
import { Aggregator } from 'mingo';
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import { MINGO_OPTIONS, matchingDocuments, sortDocuments } from '../engine/query';
import { numericView } from '../engine/numeric';
import { collectionArg, optionalArray, optionalDocument, optionalNumber, type CommandContext } from './context';
import { cursorReply } from './find';
import { explain } from './explain';
import { fixExpressions } from '../engine/expressionFixes';

const REFUSED_STAGES = new Set(['$out', '$merge', '$changeStream', '$currentOp', '$listSessions', '$search', '$vectorSearch']);

export function aggregate(cmd: Document, ctx: CommandContext): Document {
  const target = cmd.aggregate;
  const pipeline = (optionalArray(cmd, 'pipeline') ?? []) as Document[];
  const cursorOpts = optionalDocument(cmd, 'cursor');
  // { aggregate, pipeline, explain: true } is the driver's aggregate(...).explain()
  if (cmd.explain) return explain({ explain: { aggregate: target, pipeline } }, ctx);
  if (!cursorOpts && !cmd.explain) {
    throw mongoError('FailedToParse', "The 'cursor' option is required, except for aggregate with the explain argument");
  }
  for (const stage of pipeline) {
    if (!stage || typeof stage !== 'object' || Object.keys(stage).length !== 1) {
      throw mongoError('FailedToParse', 'A pipeline stage specification object must contain exactly one field.');
    }
    const op = Object.keys(stage)[0];
    if (REFUSED_STAGES.has(op)) throw mongoError('CommandNotSupported', `${op} is not supported by the embedded server`);
  }
  let input: Document[] = [];
  let rest = pipeline;
  let nsName = '$cmd.aggregate';
  if (target !== 1) {
    const name = collectionArg(cmd, 'aggregate');
    nsName = name;
    const coll = ctx.engine.getCollection(ctx.db, name);
    const first = pipeline[0];
    if (first && '$match' in first) {
      input = matchingDocuments(coll, first.$match as Document).map((d) => coll!.viewOf(d));
      rest = pipeline.slice(1);
    } else {
      input = coll ? [...coll.docs.values()].map((d) => coll.viewOf(d)) : [];
    }
  }
  const collectionResolver = (name: string) => {
    const c = ctx.engine.getCollection(ctx.db, name);
    return c ? [...c.docs.values()].map((d) => c.viewOf(d)) : [];
  };
  const docs = runPipeline(input, fixExpressions(numericView(rest)), collectionResolver);
  const ns = `${ctx.db}.${nsName}`;
  const batchSize = cursorOpts ? optionalNumber(cursorOpts, 'batchSize') : undefined;
  const { batch, id } = ctx.cursors.firstBatch(ns, docs, batchSize ?? 101);
  return cursorReply(ns, batch, id, true);
}

/**
 * Runs stages through mingo, except top-level $sort stages, which use the engine's sort (mongod's
 * cross-type order, and only the best skip+limit documents kept when a $limit follows): mingo's
 * sort is the slow part of reports over large collections.
 */
function runPipeline(input: Document[], pipeline: Document[], collectionResolver: (name: string) => Document[]): Document[] {
  let current = input;
  let segment: Document[] = [];
  const flush = () => {
    if (segment.length) current = new Aggregator(segment, { ...MINGO_OPTIONS, collectionResolver }).run(current) as Document[];
    segment = [];
  };
  for (let i = 0; i < pipeline.length; i++) {
    const stage = pipeline[i];
    if (!('$sort' in stage) || typeof stage.$sort !== 'object' || stage.$sort === null) {
      segment.push(stage);
      continue;
    }
    flush();
    const next = pipeline[i + 1];
    const limit = next && typeof next.$limit === 'number' ? next.$limit : undefined;
    current = sortDocuments(current, stage.$sort as Document, undefined, limit);
  }
  flush();
  return current;
}
