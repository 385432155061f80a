import { useQuery } from '@tanstack/react-query';
import { carteApi, type WineListPatch } from './carte.ts';
import { areas, useWrite } from './write.ts';

/** The wine lists' server state. */
const carteKeys = {
  lists: (eid: string) => ['carte', eid, 'lists'] as const,
  view: (eid: string, listId: string) => ['carte', eid, 'view', listId] as const,
};

export const useWineLists = (eid: string) =>
  useQuery({
    queryKey: carteKeys.lists(eid),
    queryFn: ({ signal }) => carteApi.lists(eid, signal).then((r) => r.items),
  });

export const useWineListView = (eid: string, listId: string | null) =>
  useQuery({
    queryKey: carteKeys.view(eid, listId ?? ''),
    queryFn: ({ signal }) => carteApi.get(eid, listId ?? '', signal),
    enabled: listId !== null,
  });

// Each write below changes only the Carte: its lists and the view on screen load again before it settles.
const carteChanged = (eid: string) => () => [areas.carte(eid)];

export const useCreateWineList = (eid: string) =>
  useWrite((body: { name: string }) => carteApi.create(eid, body), carteChanged(eid));

/** Settings, publication, section order, or the logo (an image sent, or null to remove it). */
export const useUpdateWineList = (eid: string, listId: string) =>
  useWrite(
    (v: { patch: WineListPatch } | { logo: string | null }) =>
      'patch' in v
        ? carteApi.update(eid, listId, v.patch)
        : v.logo === null
          ? carteApi.removeLogo(eid, listId)
          : carteApi.setLogo(eid, listId, v.logo),
    carteChanged(eid),
  );

/** Only the lists load again: the removed list's view would answer 404 while it is still on screen. */
export const useRemoveWineList = (eid: string, listId: string) =>
  useWrite(
    (_: void) => carteApi.remove(eid, listId),
    () => [carteKeys.lists(eid)],
  );

/** A drink put on the list, changed (note, section, manual price) or taken off; or the entries' order. */
export const useCarteEntries = (eid: string, listId: string) =>
  useWrite(
    (
      v:
        | { set: string; body: Parameters<typeof carteApi.setItem>[3] }
        | { remove: string }
        | { order: Parameters<typeof carteApi.order>[2] },
    ) =>
      'set' in v
        ? carteApi.setItem(eid, listId, v.set, v.body)
        : 'remove' in v
          ? carteApi.removeItem(eid, listId, v.remove)
          : carteApi.order(eid, listId, v.order),
    carteChanged(eid),
  );
