import type { Db, DbKind } from '../db/database.ts';
import type { Clock } from '../domain/clock.ts';
import type { TillAccess } from '../services/tills/tillAccess.ts';
import type { ImportQueue } from '../services/imports/importQueue.ts';

/** What every route needs from the running process; tests build their own. */
export type AppContextInput = {
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  version: string;
  cookieSecure: 'auto' | 'true' | 'false';
  webDir?: string | undefined;
  tills: TillAccess;
  imports: ImportQueue;
};

export type AppContext = AppContextInput;
