import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { countApi, reportApi, varianceApi } from './counts.ts';

type Period = { from?: string | undefined; to?: string | undefined };

/** The inventaires', écarts' and reports' server state; every write reloads what is on screen (queryClient.ts). */
export const countKeys = {
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
