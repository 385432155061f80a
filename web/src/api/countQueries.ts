import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AddDrinkDuringCount, CountLineInput, CountSessionInput } from '../../../src/http/contract.ts';
import { countApi, reportApi, varianceApi } from './counts.ts';
import { areas, stockAreas, useWrite } from './write.ts';

type Period = { from?: string | undefined; to?: string | undefined };

/** The inventaires', écarts' and reports' server state; each write below reloads what it changed (write.ts). */
const countKeys = {
  sessions: (eid: string) => ['counts', eid, 'sessions'] as const,
  sheet: (eid: string, sid: string) => ['counts', eid, 'sheet', sid] as const,
  variance: (eid: string, sid: string) => ['counts', eid, 'variance', sid] as const,
  reasons: (eid: string) => ['counts', eid, 'reasons'] as const,
  history: (eid: string) => ['counts', eid, 'history'] as const,
  reports: (eid: string, period: Period) => ['reports', eid, period] as const,
};

export const useCountSessions = (eid: string) =>
  useQuery({ queryKey: countKeys.sessions(eid), queryFn: ({ signal }) => countApi.list(eid, signal) });

export const useCountSheet = (eid: string, sid: string) =>
  useQuery({
    queryKey: countKeys.sheet(eid, sid),
    queryFn: ({ signal }) => countApi.sheet(eid, sid, signal),
  });

export const useVariance = (eid: string, sid: string) =>
  useQuery({
    queryKey: countKeys.variance(eid, sid),
    queryFn: ({ signal }) => varianceApi.report(eid, sid, signal),
  });

export const useVarianceReasons = (eid: string) =>
  useQuery({ queryKey: countKeys.reasons(eid), queryFn: ({ signal }) => varianceApi.reasons(eid, signal) });

export const useVarianceHistory = (eid: string) =>
  useQuery({ queryKey: countKeys.history(eid), queryFn: ({ signal }) => varianceApi.history(eid, signal) });

/** The previous period's figures stay on screen while the next period loads. */
export const useReportsOverview = (eid: string, period: Period) =>
  useQuery({
    queryKey: countKeys.reports(eid, period),
    queryFn: ({ signal }) => reportApi.overview(eid, period, signal),
    placeholderData: keepPreviousData,
  });

export const useCreateCountSession = (eid: string) =>
  useWrite(
    (body: CountSessionInput) => countApi.create(eid, body),
    () => [areas.counts(eid)],
  );

/** One line typed on a phone: only the sheet changes until the session closes. */
export const useSetCountLine = (eid: string, sid: string) =>
  useWrite(
    (body: CountLineInput) => countApi.setLine(eid, sid, body),
    () => [countKeys.sheet(eid, sid)],
  );

/** A drink found during the count: created in the cellar (with its base at the cut-off) and counted. */
export const useAddDrinkToCount = (eid: string, sid: string) =>
  useWrite(
    (body: AddDrinkDuringCount) => countApi.addDrink(eid, sid, body),
    () => stockAreas(eid),
  );

/** Closing writes the counts into the ledger, reopening lets them be replaced: the stock moves either way. */
export const useCloseCount = (eid: string, sid: string) =>
  useWrite(
    (uncountedZero: boolean) => countApi.close(eid, sid, uncountedZero),
    () => stockAreas(eid),
  );

export const useReopenCount = (eid: string, sid: string) =>
  useWrite(
    (reason: string | undefined) => countApi.reopen(eid, sid, reason),
    () => stockAreas(eid),
  );

export const useJustify = (eid: string, sid: string) =>
  useWrite(
    (v: { drinkId: string; reasonId: string; comment?: string }) =>
      varianceApi.justify(eid, sid, v.drinkId, {
        reasonId: v.reasonId,
        ...(v.comment !== undefined ? { comment: v.comment } : {}),
      }),
    () => [countKeys.variance(eid, sid), countKeys.history(eid)],
  );

/** A reason added, renamed or archived; the answer is the whole list. */
export const useEditReason = (eid: string) =>
  useWrite(
    (v: { label: string } | { id: string; label?: string; archived?: boolean }) =>
      'id' in v
        ? varianceApi.editReason(eid, v.id, {
            ...(v.label !== undefined ? { label: v.label } : {}),
            ...(v.archived !== undefined ? { archived: v.archived } : {}),
          })
        : varianceApi.addReason(eid, v.label),
    () => [areas.counts(eid)],
  );
