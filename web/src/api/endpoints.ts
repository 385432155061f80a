import { api, queryString } from './client.ts';
import type { MovementKind } from '../../../src/domain/stock.ts';
import type { Task, TaskAccepted } from '../../../src/http/contract.ts';
import type {
  Account,
  Appellation,
  ChangePasswordInput,
  Drink,
  DrinkInput,
  DrinkPage,
  DrinkQuery,
  DrinkSales,
  Establishment,
  ImportOverview,
  Invitation,
  LibraryEntry,
  LinkInput,
  LinkResult,
  LinkTarget,
  Locale,
  Member,
  MovementHistory,
  NewDrinkInput,
  NotDrinkProposal,
  Proposal,
  Role,
  SessionsEnded,
  TillConnection,
  TillConnectionInput,
  TillTest,
  WorkList,
  WorkListQuery,
} from '../../../src/http/contract.ts';

const est = (eid: string) => `/api/establishments/${encodeURIComponent(eid)}`;
const drinkPath = (eid: string, drinkId: string) => `${est(eid)}/drinks/${encodeURIComponent(drinkId)}`;

export const authApi = {
  me: () => api<{ account: Account | null; csrfToken: string | null }>('GET', '/api/auth/me'),
  signUp: (body: { email: string; password: string; displayName?: string; locale?: Locale }) =>
    api<{ account: Account }>('POST', '/api/auth/signup', body),
  login: (body: { email: string; password: string }) =>
    api<{ account: Account }>('POST', '/api/auth/login', body),
  logout: () => api<undefined>('POST', '/api/auth/logout'),
  setLocale: (locale: Locale) => api<{ account: Account }>('PATCH', '/api/auth/me', { locale }),
  changePassword: (body: ChangePasswordInput) => api<SessionsEnded>('POST', '/api/auth/password', body),
  logoutEverywhere: () => api<SessionsEnded>('POST', '/api/auth/logout-everywhere'),
};

export const establishmentApi = {
  list: () => api<{ items: Establishment[] }>('GET', '/api/establishments'),
  create: (body: { name: string; timeZone?: string; dayCutoffHour?: number }) =>
    api<Establishment>('POST', '/api/establishments', body),
  createDemo: () => api<TaskAccepted>('POST', '/api/demo', {}),
  update: (eid: string, body: { name?: string; timeZone?: string; dayCutoffHour?: number }) =>
    api<Establishment>('PATCH', est(eid), body),
  members: (eid: string) =>
    api<{ members: Member[]; invitations: Invitation[] }>('GET', `${est(eid)}/members`),
  invite: (eid: string, body: { email: string; role: Role }) =>
    api<{ status: 'invited'; email: string }>('POST', `${est(eid)}/members`, body),
  changeRole: (eid: string, accountId: string, role: Role) =>
    api<{ accountId: string; role: Role }>('PATCH', `${est(eid)}/members/${encodeURIComponent(accountId)}`, {
      role,
    }),
};

export const drinkApi = {
  list: (eid: string, query: DrinkQuery, signal?: AbortSignal) =>
    api<DrinkPage>('GET', `${est(eid)}/drinks${queryString(query)}`, undefined, signal),
  get: (eid: string, drinkId: string) => api<Drink>('GET', drinkPath(eid, drinkId)),
  create: (eid: string, body: NewDrinkInput) => api<Drink>('POST', `${est(eid)}/drinks`, body),
  update: (eid: string, drinkId: string, body: DrinkInput) =>
    api<Drink>('PUT', drinkPath(eid, drinkId), body),
  archive: (eid: string, drinkId: string, archived: boolean) =>
    api<Drink>('POST', `${drinkPath(eid, drinkId)}/archive`, { archived }),
  regions: (eid: string) => api<{ items: string[] }>('GET', `${est(eid)}/regions`),
};

export const stockApi = {
  movements: (eid: string, drinkId: string) =>
    api<MovementHistory>('GET', `${drinkPath(eid, drinkId)}/movements`),
  record: (
    eid: string,
    drinkId: string,
    body: {
      kind: MovementKind;
      quantity: number;
      occurredAt?: string;
      note?: string;
      unitPrice?: number;
      supplier?: string;
    },
  ) => api<Drink>('POST', `${drinkPath(eid, drinkId)}/movements`, body),
  counts: (
    eid: string,
    body: { counts: { drinkId: string; quantity: number }[]; occurredAt?: string; note?: string },
  ) => api<{ recorded: number }>('POST', `${est(eid)}/counts`, body),
};

export const referenceApi = {
  appellations: (q: string, limit = 15, signal?: AbortSignal) =>
    api<{ items: Appellation[] }>('GET', `/api/appellations${queryString({ q, limit })}`, undefined, signal),
};

type TillAnswer = { connection: TillConnection; test: TillTest };
const tillProductPath = (eid: string, tpid: string) =>
  `${est(eid)}/till-products/${encodeURIComponent(tpid)}`;

export const tillApi = {
  /** Each till by its id; removed ones stay listed, read-only. */
  list: (eid: string) => api<{ tills: TillConnection[] }>('GET', `${est(eid)}/tills`),
  add: (eid: string, body: TillConnectionInput & { name?: string }) =>
    api<TillAnswer>('POST', `${est(eid)}/tills`, body),
  update: (eid: string, tillId: string, body: TillConnectionInput & { name?: string }) =>
    api<TillAnswer>('PUT', `${est(eid)}/tills/${encodeURIComponent(tillId)}`, body),
  testOne: (eid: string, tillId: string) =>
    api<TillAnswer>('POST', `${est(eid)}/tills/${encodeURIComponent(tillId)}/test`),
  remove: (eid: string, tillId: string) =>
    api<{ connection: TillConnection }>('DELETE', `${est(eid)}/tills/${encodeURIComponent(tillId)}`),
};

export const importApi = {
  overview: (eid: string, signal?: AbortSignal) =>
    api<ImportOverview>('GET', `${est(eid)}/imports`, undefined, signal),
  request: (eid: string, body: { from?: string; to?: string; lastDays?: number; tillId?: string }) =>
    api<{ days: string[]; tillIds: string[] }>('POST', `${est(eid)}/imports`, body),
};

export const syncApi = {
  list: (eid: string, query: WorkListQuery, signal?: AbortSignal) =>
    api<WorkList>('GET', `${est(eid)}/till-products${queryString(query)}`, undefined, signal),
  proposal: (eid: string, tpid: string, signal?: AbortSignal) =>
    api<Proposal>('GET', `${tillProductPath(eid, tpid)}/proposal`, undefined, signal),
  link: (eid: string, tpid: string, target: LinkTarget, factor?: number, onHand?: number) =>
    api<LinkResult>('POST', `${tillProductPath(eid, tpid)}/link`, {
      target,
      ...(factor !== undefined ? { factor } : {}),
      ...(onHand !== undefined ? { onHand } : {}),
    } satisfies LinkInput),
  unlink: (eid: string, tpid: string) => api<undefined>('DELETE', `${tillProductPath(eid, tpid)}/link`),
  setFactor: (eid: string, tpid: string, factor: number) =>
    api<{ factor: number }>('PATCH', `${tillProductPath(eid, tpid)}/link`, { factor }),
  ignore: (eid: string, tpid: string, ignored: boolean) =>
    api<unknown>('POST', `${tillProductPath(eid, tpid)}/ignore`, { ignored }),
  ignoreFamily: (eid: string, family: string, ignored: boolean) =>
    api<unknown>('POST', `${est(eid)}/till-products/ignore-family`, { family, ignored }),
  notDrinks: (eid: string) =>
    api<{ items: NotDrinkProposal[] }>('GET', `${est(eid)}/till-products/not-drinks`),
  ignoreMany: (eid: string, tillProductIds: string[]) =>
    api<{ updated: number }>('POST', `${est(eid)}/till-products/ignore-many`, { tillProductIds }),
  safeProposals: (eid: string) =>
    api<{ items: Proposal[] }>('GET', `${est(eid)}/till-products/safe-proposals`),
  linkSafe: (eid: string, tillProductIds: string[]) =>
    api<{ linked: string[]; skipped: string[] }>('POST', `${est(eid)}/till-products/safe-proposals`, {
      tillProductIds,
    }),
  sales: (eid: string, drinkId: string, period: { from?: string; to?: string }) =>
    api<DrinkSales>('GET', `${drinkPath(eid, drinkId)}/sales${queryString(period)}`),
  librarySearch: (eid: string, q: string) =>
    api<{ items: LibraryEntry[] }>('GET', `${est(eid)}/library/search${queryString({ q })}`),
};

export const taskApi = {
  get: (taskId: string, signal?: AbortSignal) =>
    api<Task>('GET', `/api/tasks/${encodeURIComponent(taskId)}`, undefined, signal),
};

export type CatalogueField = 'producer' | 'cuvee' | 'appellation' | 'colour' | 'vintage' | 'formatCl';
export const libraryApi = {
  importCatalogue: (
    eid: string,
    body: { fileBase64: string; mapping: Partial<Record<CatalogueField, string>> },
  ) => api<TaskAccepted>('POST', `${est(eid)}/library/import`, body),
};
