// Cursor pagination shared by every list: stable order by _id (ObjectIds grow with creation time),
// the cursor is the base64url of the last _id, and `first + 1` documents are fetched to learn
// whether another page exists. totalCount is counted with the same filter, in parallel.
import { Types, type Model } from 'mongoose';
import { badInput } from '../errors/AppError';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export function encodeCursor(id: Types.ObjectId): string {
  return Buffer.from(id.toHexString(), 'utf8').toString('base64url');
}

export function decodeCursor(field: string, cursor: string): Types.ObjectId {
  const hex = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f]{24}$/.test(hex)) throw badInput(field, 'cursor.invalid', { field });
  return new Types.ObjectId(hex);
}

export async function paginate<T extends { _id: Types.ObjectId }>(
  model: Model<any>,
  filter: Record<string, unknown>,
  args: PageArgs,
): Promise<Connection<T>> {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw badInput('first', 'pagination.first', { field: 'first', max: MAX_PAGE });
  }
  const afterId = args.after ? decodeCursor('after', args.after) : null;
  const pageFilter = afterId ? { $and: [filter, { _id: { $gt: afterId } }] } : filter;
  const [docs, totalCount] = await Promise.all([
    model.find(pageFilter).sort({ _id: 1 }).limit(first + 1).lean<T[]>(),
    model.countDocuments(filter),
  ]);
  const hasNextPage = docs.length > first;
  const page = hasNextPage ? docs.slice(0, first) : docs;
  const edges = page.map((node) => ({ node, cursor: encodeCursor(node._id) }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: afterId != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
