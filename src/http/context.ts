import type { Db, DbKind, ListenInProcess } from '../db/database.ts';
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
  /** The embedded engine's commit notifications (the public wine list's cache listens to them). */
  listenInProcess?: ListenInProcess | undefined;
};

export type AppContext = AppContextInput;
