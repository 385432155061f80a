import type { BrowserContext } from 'playwright-core';

/** A JSON call with the browser context's session cookie and CSRF token, for the setup a test does not click. */
export async function contextApi<T>(
  context: BrowserContext,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> {
  const csrf = (await context.cookies(baseUrl)).find((c) => c.name === 'cellier_csrf')?.value ?? '';
  const res = await context.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf, accept: 'application/json' },
    ...(body !== undefined ? { data: body } : {}),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}
