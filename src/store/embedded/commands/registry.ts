// Command name -> handler. Anything not listed gets CommandNotFound (59) naming the command.
import type { CommandHandler } from './context';
import { handshakeCommands } from './handshake';
import { insert } from './insert';
import { update } from './update';
import { deleteCommand } from './delete';
import { findAndModify } from './findAndModify';
import { find, getMore, killCursors } from './find';
import { aggregate } from './aggregate';
import { count, distinct } from './countDistinct';
import { create, drop, dropDatabase, listCollections, listDatabases, collStats, dbStats } from './collections';
import { createIndexes, dropIndexes, listIndexes } from './indexes';
import { explain } from './explain';

export const commandRegistry: Record<string, CommandHandler> = {
  ...handshakeCommands,
  insert,
  update,
  delete: deleteCommand,
  findAndModify,
  findandmodify: findAndModify,
  find,
  getMore,
  killCursors,
  aggregate,
  count,
  distinct,
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  collStats,
  dbStats,
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  explain,
};
