/** The one fetch wrapper: JSON in and out, the CSRF header on writes, errors as ApiError. */
export type FieldIssue = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors keyed by the input's name: "body.email" → "email". */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) {
      const key = f.field.replace(/^(body|query|params)\./, '');
      out[key] ??= f.message;
      const head = key.split('.')[0];
      if (head) out[head] ??= f.message;
    }
    return out;
  }
}

const CSRF_COOKIE = 'cellier_csrf';
let unauthenticatedHandler: (() => void) | undefined;

/** Called when the server says the session is gone, so the app can return to the sign-in page. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as { csrfToken?: string };
  return readCookie(CSRF_COOKIE) ?? body.csrfToken ?? '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Serveur injoignable : vérifiez votre connexion.');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: FieldIssue[] } } | null)
      ?.error;
    const apiError = new ApiError(
      res.status,
      err?.code ?? 'internal',
      err?.message ?? 'Erreur interne, réessayez plus tard',
      err?.fields ?? [],
    );
    if (apiError.code === 'unauthenticated') unauthenticatedHandler?.();
    throw apiError;
  }
  return data as T;
}

export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
