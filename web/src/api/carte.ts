import type { WineList, WineListEntry, WineListPatch, WineListView } from '../../../src/http/contract.ts';
import { api } from './client.ts';

// Types come from the server's response schemas through the contract (type-only import, erased at build).
export type { WineList, WineListEntry, WineListPatch, WineListView };
export type SectionKey = WineListEntry['section'];

// The one list of sections lives in the pure domain (web/src may import src/domain).
export { SECTIONS as SECTION_KEYS } from '../../../src/domain/wineList.ts';

const lists = (eid: string) => `/api/establishments/${encodeURIComponent(eid)}/wine-lists`;
const one = (eid: string, id: string) => `${lists(eid)}/${encodeURIComponent(id)}`;

export const carteApi = {
  lists: (eid: string, signal?: AbortSignal) =>
    api<{ items: WineList[] }>('GET', lists(eid), undefined, signal),
  create: (eid: string, body: { name: string; slug?: string }) => api<WineList>('POST', lists(eid), body),
  get: (eid: string, id: string, signal?: AbortSignal) =>
    api<WineListView>('GET', one(eid, id), undefined, signal),
  update: (eid: string, id: string, body: WineListPatch) => api<WineList>('PATCH', one(eid, id), body),
  remove: (eid: string, id: string) => api<{ ok: true }>('DELETE', one(eid, id)),
  setItem: (
    eid: string,
    id: string,
    drinkId: string,
    body: { section?: SectionKey | null; note?: string | null; manualPrice?: number | null },
  ) => api<WineListView>('PUT', `${one(eid, id)}/items/${encodeURIComponent(drinkId)}`, body),
  removeItem: (eid: string, id: string, drinkId: string) =>
    api<WineListView>('DELETE', `${one(eid, id)}/items/${encodeURIComponent(drinkId)}`),
  order: (eid: string, id: string, body: { drinkIds: string[] } | { order: 'default' }) =>
    api<WineListView>('PUT', `${one(eid, id)}/order`, body),
  setLogo: (eid: string, id: string, image: string) =>
    api<WineList>('PUT', `${one(eid, id)}/logo`, { image }),
  removeLogo: (eid: string, id: string) => api<WineList>('DELETE', `${one(eid, id)}/logo`),
};
