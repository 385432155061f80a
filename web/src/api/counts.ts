import type {
  AddDrinkDuringCount,
  BevCost,
  CountLineInput,
  CountLineResult,
  CountSession,
  CountSessionInput,
  CountSheet,
  CountSheetDrink,
  ReportsOverview,
  Variance,
  VarianceHistory,
  VarianceReason,
  VarianceRow,
} from '../../../src/http/contract.ts';
import { api, queryString } from './client.ts';

// Types come from the server's response schemas through the contract (type-only import, erased at build).
export type {
  BevCost,
  CountSession,
  CountSheetDrink,
  ReportsOverview,
  Variance,
  VarianceHistory,
  VarianceReason,
  VarianceRow,
};

const est = (eid: string) => `/api/establishments/${encodeURIComponent(eid)}`;
const sessions = (eid: string) => `${est(eid)}/count-sessions`;
const session = (eid: string, sid: string) => `${sessions(eid)}/${encodeURIComponent(sid)}`;

export const countApi = {
  list: (eid: string, signal?: AbortSignal) =>
    api<{ items: CountSession[] }>('GET', sessions(eid), undefined, signal),
  create: (eid: string, body: CountSessionInput) => api<CountSession>('POST', sessions(eid), body),
  sheet: (eid: string, sid: string, signal?: AbortSignal) =>
    api<CountSheet>('GET', session(eid, sid), undefined, signal),
  setLine: (eid: string, sid: string, body: CountLineInput) =>
    api<CountLineResult>('PUT', `${session(eid, sid)}/lines`, body),
  addDrink: (eid: string, sid: string, body: AddDrinkDuringCount) =>
    api<{ drinkId: string; created: boolean }>('POST', `${session(eid, sid)}/drinks`, body),
  close: (eid: string, sid: string, uncountedZero: boolean) =>
    api<{ session: CountSession; counted: number; zeroed: number }>('POST', `${session(eid, sid)}/close`, {
      uncountedZero,
    }),
  reopen: (eid: string, sid: string, reason?: string) =>
    api<CountSession>('POST', `${session(eid, sid)}/reopen`, reason ? { reason } : {}),
};

export const varianceApi = {
  report: (eid: string, sid: string, signal?: AbortSignal) =>
    api<Variance>('GET', `${session(eid, sid)}/variance`, undefined, signal),
  exportUrl: (eid: string, sid: string, format: 'csv' | 'xlsx' | 'pdf') =>
    `${session(eid, sid)}/variance/export${queryString({ format })}`,
  justify: (eid: string, sid: string, drinkId: string, body: { reasonId: string; comment?: string }) =>
    api<undefined>('PUT', `${session(eid, sid)}/variance/${encodeURIComponent(drinkId)}/reason`, body),
  reasons: (eid: string, signal?: AbortSignal) =>
    api<{ items: VarianceReason[] }>('GET', `${est(eid)}/variance-reasons`, undefined, signal),
  addReason: (eid: string, label: string) =>
    api<{ items: VarianceReason[] }>('POST', `${est(eid)}/variance-reasons`, { label }),
  editReason: (eid: string, id: string, body: { label?: string; archived?: boolean }) =>
    api<{ items: VarianceReason[] }>('PATCH', `${est(eid)}/variance-reasons/${encodeURIComponent(id)}`, body),
  history: (eid: string, signal?: AbortSignal) =>
    api<VarianceHistory>('GET', `${est(eid)}/variance-history`, undefined, signal),
};

type Period = { from?: string | undefined; to?: string | undefined };

export const reportApi = {
  overview: (eid: string, period: Period, signal?: AbortSignal) =>
    api<ReportsOverview>('GET', `${est(eid)}/reports/overview${queryString(period)}`, undefined, signal),
  exportUrl: (eid: string, period: Period, format: 'csv' | 'xlsx', table?: number) =>
    `${est(eid)}/reports/bev-cost/export${queryString({ ...period, format, table })}`,
};
