import { useQuery } from '@tanstack/react-query';
import { carteApi } from './carte.ts';

/** The wine lists' server state; every write reloads what is on screen (queryClient.ts). */
export const carteKeys = {
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
