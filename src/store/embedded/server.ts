// TCP server: one framer per connection; requests on a connection are answered in order
// (the driver never pipelines on one connection, but we queue anyway so a slow durable write
// cannot reorder replies). Bad framing closes only that connection.
import net from 'node:net';
import type { Document } from 'mongodb';
import { MessageFramer } from './wire/framing';
import { decodeRequest, encodeReply, OP_MSG, OP_QUERY, type CommandRequest } from './wire/opcodes';
import { mongoError } from './errors';
import { runCommand } from './commands/dispatch';
import type { Engine } from './engine/engine';
import type { CursorManager } from './engine/cursors';
import type { ChangeRecord } from './persistence/types';

export interface ServerDeps {
  engine: Engine;
  cursors: CursorManager;
  commit(records: ChangeRecord[]): Promise<void>;
}

export function createWireServer(deps: ServerDeps): net.Server {
  let nextConnectionId = 1;
  const server = net.createServer((socket) => {
    const connectionId = nextConnectionId++;
    const framer = new MessageFramer();
    let queue: Promise<void> = Promise.resolve();
    socket.setNoDelay(true);
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const msg of messages) {
        queue = queue.then(() => handle(msg)).catch(() => {
          socket.destroy();
        });
      }
    });

    async function handle(msg: Buffer): Promise<void> {
      let req: CommandRequest;
      try {
        req = decodeRequest(msg);
      } catch (e) {
        // A well-framed OP_MSG/OP_QUERY whose BSON does not parse gets an error reply, as from
        // mongod; anything else (unknown or removed opcodes) is a protocol error: drop the connection.
        const opCode = msg.readInt32LE(12);
        if (opCode !== OP_MSG && opCode !== OP_QUERY) throw e;
        const fake: CommandRequest = { requestID: msg.readInt32LE(4), opCode, body: {}, db: 'admin', moreToCome: false };
        socket.write(encodeReply(fake, mongoError('InvalidBSON', `invalid BSON in request: ${(e as Error).message}`).toReply()));
        return;
      }
      const body: Document = req.body;
      const db = typeof body.$db === 'string' ? body.$db : req.db;
      const reply = await runCommand(body, { engine: deps.engine, cursors: deps.cursors, db, connectionId, commit: deps.commit });
      if (req.moreToCome || socket.destroyed) return;
      let bytes: Buffer;
      try {
        bytes = encodeReply(req, reply);
      } catch (e) {
        // e.g. an aggregation that builds one document over 16 MiB: an error reply, as from
        // mongod, instead of a dropped connection
        bytes = encodeReply(req, mongoError('BSONObjectTooLarge', `reply could not be encoded: ${(e as Error).message}`).toReply());
      }
      socket.write(bytes);
    }
  });
  return server;
}
