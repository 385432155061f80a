import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Appellation,
  DrinkInput,
  DrinkQuery,
  ImportOverview,
  LinkTarget,
  NewDrinkInput,
  TillConnectionInput,
  WorkListQuery,
} from '../../../src/http/contract.ts';
import {
  drinkApi,
  establishmentApi,
  importApi,
  referenceApi,
  stockApi,
  syncApi,
  tillApi,
} from './endpoints.ts';
import { areas, stockAreas, useWrite } from './write.ts';

/** Every server-state key of these hooks; each starts with its area (`write.ts`), which a write invalidates. */
const keys = {
  drinkList: (eid: string, query: DrinkQuery) => ['drinks', eid, 'list', query] as const,
  drinkPages: (eid: string, q: string) => ['drinks', eid, 'pages', q] as const,
  regions: (eid: string) => ['drinks', eid, 'regions'] as const,
  drink: (eid: string, drinkId: string) => ['drinks', eid, 'one', drinkId] as const,
  movements: (eid: string, drinkId: string) => ['drinks', eid, 'one', drinkId, 'movements'] as const,
  drinkSales: (eid: string, drinkId: string, period: { from?: string; to?: string }) =>
    ['drinks', eid, 'one', drinkId, 'sales', period] as const,
  appellations: (q: string) => ['appellations', q] as const,
  librarySearch: (eid: string, q: string) => ['sync', eid, 'library', q] as const,
  imports: (eid: string) => ['imports', eid] as const,
  tills: (eid: string) => ['till', eid, 'all'] as const,
  members: (eid: string) => ['members', eid] as const,
  workList: (eid: string, query: WorkListQuery) => ['sync', eid, 'work', query] as const,
  proposal: (eid: string, tillProductId: string) => ['sync', eid, 'proposal', tillProductId] as const,
  safeProposals: (eid: string) => ['sync', eid, 'safe'] as const,
  notDrinks: (eid: string) => ['sync', eid, 'notDrinks'] as const,
};

/** One server page of drinks; the previous page stays on screen while the next one loads. */
export const useDrinkList = (eid: string, query: DrinkQuery) =>
  useQuery({
    queryKey: keys.drinkList(eid, query),
    queryFn: ({ signal }) => drinkApi.list(eid, query, signal),
    placeholderData: keepPreviousData,
  });

/** The drinks by name, page after page ("Afficher plus"): the pages loaded so far, in one list. */
export const useDrinkPages = (eid: string, q: string, pageSize: number) =>
  useInfiniteQuery({
    queryKey: keys.drinkPages(eid, q),
    queryFn: ({ pageParam, signal }) =>
      drinkApi.list(eid, { q: q || undefined, page: pageParam, pageSize, sort: 'name' }, signal),
    initialPageParam: 1,
    getNextPageParam: (last, all) => (all.length * pageSize < last.total ? all.length + 1 : undefined),
  });

export const useRegions = (eid: string) =>
  useQuery({ queryKey: keys.regions(eid), queryFn: () => drinkApi.regions(eid).then((r) => r.items) });

export const useDrink = (eid: string, drinkId: string, enabled = true) =>
  useQuery({ queryKey: keys.drink(eid, drinkId), queryFn: () => drinkApi.get(eid, drinkId), enabled });

export const useMovements = (eid: string, drinkId: string, enabled = true) =>
  useQuery({
    queryKey: keys.movements(eid, drinkId),
    queryFn: () => stockApi.movements(eid, drinkId),
    enabled,
  });

export const useDrinkSales = (eid: string, drinkId: string, period: { from?: string; to?: string }) =>
  useQuery({
    queryKey: keys.drinkSales(eid, drinkId, period),
    queryFn: () => syncApi.sales(eid, drinkId, period),
    placeholderData: keepPreviousData,
  });

/** `poll` says, from the last answer, how long to wait before reading again (false: no polling). */
/** The INAO appellations matching what is typed; the last answer stays while the next one loads. */
export const useAppellations = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.appellations(q),
    queryFn: async ({ signal }): Promise<Appellation[]> =>
      (await referenceApi.appellations(q, 10, signal)).items,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });

const importOverview = (eid: string) =>
  queryOptions({ queryKey: keys.imports(eid), queryFn: ({ signal }) => importApi.overview(eid, signal) });

/** The library (shipped and private entries) searched for `q`; nothing is asked while `q` is null. */
export const useLibrarySearch = (eid: string, q: string | null) =>
  useQuery({
    queryKey: keys.librarySearch(eid, q ?? ''),
    queryFn: () => syncApi.librarySearch(eid, q ?? '').then((r) => r.items),
    enabled: q !== null,
  });

export const useImportOverview = (
  eid: string,
  poll: (overview: ImportOverview | undefined) => number | false = () => false,
) => useQuery({ ...importOverview(eid), refetchInterval: (query) => poll(query.state.data) });

export const useTills = (eid: string, enabled = true) =>
  useQuery({ queryKey: keys.tills(eid), queryFn: () => tillApi.list(eid).then((r) => r.tills), enabled });

export const useMembers = (eid: string) =>
  useQuery({ queryKey: keys.members(eid), queryFn: () => establishmentApi.members(eid) });

export const useWorkList = (eid: string, query: WorkListQuery, enabled = true) =>
  useQuery({
    queryKey: keys.workList(eid, query),
    queryFn: ({ signal }) => syncApi.list(eid, query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useProposal = (eid: string, tillProductId: string) =>
  useQuery({
    queryKey: keys.proposal(eid, tillProductId),
    queryFn: ({ signal }) => syncApi.proposal(eid, tillProductId, signal),
    staleTime: 0,
  });

export const useSafeProposals = (eid: string) =>
  useQuery({
    queryKey: keys.safeProposals(eid),
    queryFn: () => syncApi.safeProposals(eid).then((r) => r.items),
    staleTime: 0,
  });

export const useNotDrinks = (eid: string) =>
  useQuery({ queryKey: keys.notDrinks(eid), queryFn: () => syncApi.notDrinks(eid).then((r) => r.items) });

/** A new drink (with its bottles on hand) or a drink's sheet saved. */
export const useSaveDrink = (eid: string) =>
  useWrite(
    (v: { drinkId: string; input: DrinkInput } | { drinkId?: undefined; input: NewDrinkInput }) =>
      v.drinkId ? drinkApi.update(eid, v.drinkId, v.input) : drinkApi.create(eid, v.input),
    () => stockAreas(eid),
  );

export const useArchiveDrink = (eid: string) =>
  useWrite(
    (v: { drinkId: string; archived: boolean }) => drinkApi.archive(eid, v.drinkId, v.archived),
    () => stockAreas(eid),
  );

export const useRecordMovement = (eid: string, drinkId: string) =>
  useWrite(
    (body: Parameters<typeof stockApi.record>[2]) => stockApi.record(eid, drinkId, body),
    () => stockAreas(eid),
  );

export const useRecordCounts = (eid: string) =>
  useWrite(
    (body: Parameters<typeof stockApi.counts>[1]) => stockApi.counts(eid, body),
    () => stockAreas(eid),
  );

export const useSetFactor = (eid: string) =>
  useWrite(
    (v: { tillProductId: string; factor: number }) => syncApi.setFactor(eid, v.tillProductId, v.factor),
    () => stockAreas(eid),
  );

/** A link broken: the product's sales stop moving the drink's stock. */
export const useUnlink = (eid: string) =>
  useWrite(
    (tillProductId: string) => syncApi.unlink(eid, tillProductId),
    () => stockAreas(eid),
  );

export const useLink = (eid: string) =>
  useWrite(
    (v: { tillProductId: string; target: LinkTarget; factor?: number; onHand?: number }) =>
      syncApi.link(eid, v.tillProductId, v.target, v.factor, v.onHand),
    () => stockAreas(eid),
  );

/** One product ignored (or restored), or a whole family. */
export const useIgnore = (eid: string) =>
  useWrite(
    (v: { tillProductId: string; ignored: boolean } | { family: string; ignored: boolean }) =>
      'family' in v
        ? syncApi.ignoreFamily(eid, v.family, v.ignored)
        : syncApi.ignore(eid, v.tillProductId, v.ignored),
    () => stockAreas(eid),
  );

/** The products chosen from the "not drinks" banner, ignored at once. */
export const useIgnoreMany = (eid: string) =>
  useWrite(
    (tillProductIds: string[]) => syncApi.ignoreMany(eid, tillProductIds),
    () => stockAreas(eid),
  );

export const useLinkSafe = (eid: string) =>
  useWrite(
    (tillProductIds: string[]) => syncApi.linkSafe(eid, tillProductIds),
    () => stockAreas(eid),
  );

/** Nights asked for now; resolves with the days queued and the runs there were before, to follow their progress. */
export const useRequestImport = (eid: string) => {
  const queryClient = useQueryClient();
  return useWrite(
    async (body: Parameters<typeof importApi.request>[1]) => {
      const before = (await queryClient.fetchQuery(importOverview(eid))).runs.map((r) => r.id);
      const { days } = await importApi.request(eid, body);
      return { days, before };
    },
    () => [areas.imports(eid), areas.till(eid)],
  );
};

type TillBody = TillConnectionInput & { name?: string };

/** A till added or changed (then tested by the server), or only tested again. */
export const useSaveTill = (eid: string) =>
  useWrite(
    (v: { test: true; tillId: string } | { test?: false; tillId?: string; body: TillBody }) =>
      v.test
        ? tillApi.testOne(eid, v.tillId)
        : v.tillId
          ? tillApi.update(eid, v.tillId, v.body)
          : tillApi.add(eid, v.body),
    () => [areas.till(eid), areas.imports(eid), areas.sync(eid)],
  );

/** A till removed: archived, its history stays. */
export const useRemoveTill = (eid: string) =>
  useWrite(
    (tillId: string) => tillApi.remove(eid, tillId),
    () => [areas.till(eid), areas.imports(eid), areas.sync(eid)],
  );
