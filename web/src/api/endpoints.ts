import { api, queryString } from './client.ts';
import type {
  Account,
  Appellation,
  Drink,
  DrinkInput,
  DrinkQuery,
  Establishment,
  Invitation,
  Locale,
  Member,
  Movement,
  MovementKind,
  Page,
  Role,
} from './types.ts';

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
};

export const establishmentApi = {
  list: () => api<{ items: Establishment[] }>('GET', '/api/establishments'),
  create: (body: { name: string; timeZone?: string; dayCutoffHour?: number }) =>
    api<Establishment>('POST', '/api/establishments', body),
  get: (eid: string) => api<Establishment>('GET', est(eid)),
  update: (eid: string, body: { name?: string; timeZone?: string; dayCutoffHour?: number }) =>
    api<Establishment>('PATCH', est(eid), body),
  members: (eid: string) =>
    api<{ members: Member[]; invitations: Invitation[] }>('GET', `${est(eid)}/members`),
  invite: (eid: string, body: { email: string; role: Role }) =>
    api<{ status: 'added' | 'invited' }>('POST', `${est(eid)}/members`, body),
};

export const drinkApi = {
  list: (eid: string, query: DrinkQuery, signal?: AbortSignal) =>
    api<Page<Drink>>('GET', `${est(eid)}/drinks${queryString(query)}`, undefined, signal),
  get: (eid: string, drinkId: string) => api<Drink>('GET', drinkPath(eid, drinkId)),
  create: (eid: string, body: DrinkInput) => api<Drink>('POST', `${est(eid)}/drinks`, body),
  update: (eid: string, drinkId: string, body: DrinkInput) =>
    api<Drink>('PUT', drinkPath(eid, drinkId), body),
  archive: (eid: string, drinkId: string, archived: boolean) =>
    api<Drink>('POST', `${drinkPath(eid, drinkId)}/archive`, { archived }),
  regions: (eid: string) => api<{ items: string[] }>('GET', `${est(eid)}/regions`),
};

export const stockApi = {
  movements: (eid: string, drinkId: string) =>
    api<{ items: Movement[] }>('GET', `${drinkPath(eid, drinkId)}/movements`),
  record: (
    eid: string,
    drinkId: string,
    body: { kind: MovementKind; quantity: number; occurredAt?: string; note?: string },
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
