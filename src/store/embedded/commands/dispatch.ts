// Runs one command: refuses what a standalone refuses (transactions, retryable writes), finds
// the handler, and turns every failure into a MongoDB error reply so the connection survives.
import type { Document } from 'mongodb';
import { mongoError, refuseCollation, toMongoError } from '../errors';
import type { CommandContext } from './context';
import { commandRegistry } from './registry';

const TXN_ERROR = 'Transaction numbers are only allowed on a replica set member or mongos';

export async function runCommand(body: Document, ctx: CommandContext): Promise<Document> {
  try {
    const name = Object.keys(body)[0];
    if (!name) throw mongoError('CommandNotFound', 'no such command: \'\'');
    if (body.txnNumber !== undefined || body.startTransaction !== undefined || body.autocommit !== undefined) {
      throw mongoError('IllegalOperation', TXN_ERROR);
    }
    if (name === 'commitTransaction' || name === 'abortTransaction') throw mongoError('IllegalOperation', TXN_ERROR);
    refuseCollation(body.collation, name);
    const handler = Object.prototype.hasOwnProperty.call(commandRegistry, name) ? commandRegistry[name] : undefined;
    if (!handler) throw mongoError('CommandNotFound', `no such command: '${name}'`);
    const reply = await handler(body, ctx);
    return 'ok' in reply ? reply : { ...reply, ok: 1 };
  } catch (e) {
    return toMongoError(e).toReply();
  }
}
