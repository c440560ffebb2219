// aggregate through mingo. A leading $match is served by the collection's indexes; $lookup and
// friends resolve other collections of the same database. $out/$merge write to collections and
// are refused rather than half-supported.
import { Aggregator } from 'mingo';
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import { MINGO_OPTIONS, matchingDocuments } from '../engine/query';
import { numericView } from '../engine/numeric';
import { collectionArg, optionalArray, optionalDocument, optionalNumber, type CommandContext } from './context';
import { cursorReply } from './find';

const REFUSED_STAGES = new Set(['$out', '$merge', '$changeStream', '$currentOp', '$listSessions', '$search', '$vectorSearch']);

export function aggregate(cmd: Document, ctx: CommandContext): Document {
  const target = cmd.aggregate;
  const pipeline = (optionalArray(cmd, 'pipeline') ?? []) as Document[];
  const cursorOpts = optionalDocument(cmd, 'cursor');
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
  const docs = rest.length ? (new Aggregator(numericView(rest), { ...MINGO_OPTIONS, collectionResolver }).run(input) as Document[]) : input;
  const ns = `${ctx.db}.${nsName}`;
  const batchSize = cursorOpts ? optionalNumber(cursorOpts, 'batchSize') : undefined;
  const { batch, id } = ctx.cursors.firstBatch(ns, docs, batchSize ?? 101);
  return cursorReply(ns, batch, id, true);
}
