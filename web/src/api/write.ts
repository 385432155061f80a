import {
  useMutation,
  useQueryClient,
  type MutationOptions,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';

/** The server state a write may change, by key prefix: each query key starts with its area and the establishment. */
export const areas = {
  drinks: (eid: string) => ['drinks', eid] as const,
  sync: (eid: string) => ['sync', eid] as const,
  imports: (eid: string) => ['imports', eid] as const,
  till: (eid: string) => ['till', eid] as const,
  members: (eid: string) => ['members', eid] as const,
  counts: (eid: string) => ['counts', eid] as const,
  reports: (eid: string) => ['reports', eid] as const,
  carte: (eid: string) => ['carte', eid] as const,
  salesFiles: (eid: string) => ['salesFiles', eid] as const,
};

/** What shows a drink's stock or its sales: the cellar, the work list, the inventaires, the reports and the Carte. */
export const stockAreas = (eid: string): QueryKey[] => [
  areas.drinks(eid),
  areas.sync(eid),
  areas.counts(eid),
  areas.reports(eid),
  areas.carte(eid),
];

type Changed<Vars, Data> = (data: Data, vars: Vars) => readonly QueryKey[];

/** The mutation of one write: on success the areas it changed load again before the mutation settles. */
export function writeOptions<Vars, Data>(
  queryClient: QueryClient,
  write: (vars: Vars) => Promise<Data>,
  changed: Changed<Vars, Data>,
): MutationOptions<Data, Error, Vars> {
  return {
    mutationFn: write,
    onSuccess: async (data, vars) => {
      await Promise.all(changed(data, vars).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  };
}

/**
 * One write as a TanStack mutation: `isPending` disables its button, `error` goes to the banner, and the screen
 * never shows the state before the write (`writeOptions`).
 */
export function useWrite<Vars, Data>(write: (vars: Vars) => Promise<Data>, changed: Changed<Vars, Data>) {
  return useMutation(writeOptions(useQueryClient(), write, changed));
}

/** Everything of one establishment. */
export const everyArea = (eid: string): QueryKey[] => Object.values(areas).map((area) => area(eid));
