import type {
  SalesFileHistory,
  SalesFileImport,
  SalesFilePreview,
  SalesFileSettingsInput,
} from '../../../src/http/contract.ts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, type FieldIssue } from './client.ts';
import { areas, stockAreas, useWrite } from './write.ts';

// Types come from the server's response schemas through the contract (type-only import, erased at build).
export type { SalesFileImport, SalesFilePreview };
export type ColumnMapping = SalesFilePreview['mapping'];

const base = (eid: string) => `/api/establishments/${encodeURIComponent(eid)}/sales-files`;

function readCookie(name: string): string {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return '';
}

/** Sends the file itself as the body (streamed by the browser), the reading settings in the query string. */
async function upload<T>(url: string, file: File, settings: SalesFileSettingsInput): Promise<T> {
  const query = new URLSearchParams({ fileName: file.name, settings: JSON.stringify(settings) });
  if (!readCookie('cellier_csrf')) await fetch('/api/auth/me', { credentials: 'same-origin' });
  let res: Response;
  try {
    res = await fetch(`${url}?${query.toString()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        'x-csrf-token': readCookie('cellier_csrf'),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', 'Serveur injoignable : vérifiez votre connexion.');
  }
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: FieldIssue[] } } | null)
      ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'internal',
      err?.message ?? 'Erreur interne',
      err?.fields ?? [],
    );
  }
  return data as T;
}

const salesFileApi = {
  history: (eid: string, signal?: AbortSignal) => api<SalesFileHistory>('GET', base(eid), undefined, signal),
  preview: (eid: string, file: File, settings: SalesFileSettingsInput) =>
    upload<SalesFilePreview>(`${base(eid)}/preview`, file, settings),
  import: (eid: string, file: File, settings: SalesFileSettingsInput) =>
    upload<SalesFileImport>(`${base(eid)}/import`, file, settings),
};

const salesFileKeys = { history: (eid: string) => ['salesFiles', eid, 'history'] as const };

export const useSalesFileHistory = (eid: string) =>
  useQuery({
    queryKey: salesFileKeys.history(eid),
    queryFn: ({ signal }) => salesFileApi.history(eid, signal),
  });

type Upload = { file: File; settings: SalesFileSettingsInput };

/** The file read with these settings, nothing stored: a mutation only for its pending state and error. */
export const useSalesFilePreview = (eid: string) =>
  useMutation({ mutationFn: (v: Upload) => salesFileApi.preview(eid, v.file, v.settings) });

/** The file imported: its history, the sales, the stock they move and the file's till change. */
export const useSalesFileImport = (eid: string) =>
  useWrite(
    (v: Upload) => salesFileApi.import(eid, v.file, v.settings),
    () => [areas.salesFiles(eid), areas.imports(eid), areas.till(eid), ...stockAreas(eid)],
  );
