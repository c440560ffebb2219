// Decoding of the two request formats the driver uses (legacy OP_QUERY for the first handshake,
// OP_MSG for everything else) and encoding of the matching replies.
import { BSON, type Document } from 'mongodb';
import { HEADER_SIZE, readHeader } from './framing';
import { decodeDocument } from './bsonCodec';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const MSG_CHECKSUM_PRESENT = 1 << 0;
const MSG_MORE_TO_COME = 1 << 1;

export interface CommandRequest {
  requestID: number;
  opCode: typeof OP_QUERY | typeof OP_MSG;
  /** the command body with kind-1 document sequences merged in as arrays */
  body: Document;
  /** for OP_QUERY: the database taken from "<db>.$cmd" */
  db: string;
  /** OP_MSG moreToCome: the client wants no reply (unacknowledged write) */
  moreToCome: boolean;
}

function readCString(buf: Buffer, offset: number): [string, number] {
  const end = buf.indexOf(0, offset);
  if (end < 0) throw new Error('unterminated cstring in wire message');
  return [buf.toString('utf8', offset, end), end + 1];
}

export function decodeRequest(msg: Buffer): CommandRequest {
  const header = readHeader(msg);
  if (header.opCode === OP_MSG) return decodeOpMsg(msg, header.requestID);
  if (header.opCode === OP_QUERY) return decodeOpQuery(msg, header.requestID);
  throw new Error(`unsupported wire opCode ${header.opCode}`);
}

function decodeOpMsg(msg: Buffer, requestID: number): CommandRequest {
  const flags = msg.readUInt32LE(HEADER_SIZE);
  const end = flags & MSG_CHECKSUM_PRESENT ? msg.length - 4 : msg.length;
  let offset = HEADER_SIZE + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = msg[offset++];
    if (kind === 0) {
      const size = msg.readInt32LE(offset);
      body = decodeDocument(msg.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      const size = msg.readInt32LE(offset);
      const seqEnd = offset + size;
      let [identifier, p] = readCString(msg, offset + 4);
      const docs: Document[] = [];
      while (p < seqEnd) {
        const dsize = msg.readInt32LE(p);
        docs.push(decodeDocument(msg.subarray(p, p + dsize)));
        p += dsize;
      }
      sequences.push([identifier, docs]);
      offset = seqEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new Error('OP_MSG without a body section');
  for (const [id, docs] of sequences) body[id] = docs;
  return { requestID, opCode: OP_MSG, body, db: String(body.$db ?? 'admin'), moreToCome: !!(flags & MSG_MORE_TO_COME) };
}

function decodeOpQuery(msg: Buffer, requestID: number): CommandRequest {
  let offset = HEADER_SIZE + 4; // flags
  const [fullName, p] = readCString(msg, offset);
  offset = p + 8; // numberToSkip, numberToReturn
  const size = msg.readInt32LE(offset);
  let body = decodeDocument(msg.subarray(offset, offset + size));
  // legacy drivers wrap the command as { $query: {...}, $readPreference }
  if (body.$query && typeof body.$query === 'object') body = body.$query as Document;
  const db = fullName.endsWith('.$cmd') ? fullName.slice(0, -5) : fullName.split('.')[0];
  return { requestID, opCode: OP_QUERY, body, db, moreToCome: false };
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.alloc(HEADER_SIZE);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function encodeReply(req: CommandRequest, reply: Document): Buffer {
  const doc = BSON.serialize(reply);
  if (req.opCode === OP_QUERY) {
    // OP_REPLY: responseFlags, cursorID (int64), startingFrom, numberReturned, documents
    const fixed = Buffer.alloc(20);
    fixed.writeInt32LE(1, 16); // numberReturned
    return Buffer.concat([header(HEADER_SIZE + 20 + doc.length, req.requestID, OP_REPLY), fixed, doc]);
  }
  const flagsAndKind = Buffer.alloc(5); // flagBits = 0, section kind 0
  return Buffer.concat([header(HEADER_SIZE + 5 + doc.length, req.requestID, OP_MSG), flagsAndKind, doc]);
}
