import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import crypto from 'node:crypto';
import { composeCellier } from '../../src/cli/compose.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import type { EmbeddedQueue } from '../../src/jobs/embeddedQueue.ts';
import { createSecretBox } from '../../src/services/secrets.ts';
import type { TillAccess } from '../../src/services/tills/tillAccess.ts';
import type { TillConnectorOptions } from '../../src/tills/connector.ts';
import type { TestDatabase } from './databases.ts';

export type TestApp = {
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  db: TestDatabase;
  imports: EmbeddedQueue;
  tills: TillAccess;
};

/** Fast retries and short timeouts: the simulator answers at once or is meant to fail. */
export const TEST_CONNECTOR_OPTIONS: TillConnectorOptions = {
  retries: 3,
  backoff: { baseMs: 1, maxMs: 5 },
  timeouts: { connectMs: 2000, readMs: 5000, totalMs: 10000 },
};

/** What tests configure: the production variables, with the simulator on loopback allowed. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    cookieSecure: 'false',
    secretKey: crypto.randomBytes(32).toString('hex'),
    devLocalTills: true,
    // Tests sign up many accounts from one address: the rate-limit test turns the limits on.
    rateLimits: { signup: null, demo: null, tillTest: null },
    ...overrides,
  };
}

export const testTillAccess = (): TillAccess => ({
  secrets: createSecretBox(crypto.randomBytes(32)),
  connectorOptions: TEST_CONNECTOR_OPTIONS,
  allowInsecureLocalhost: true,
});

/**
 * The production composition (src/cli/compose.ts) on a test database and a mock clock. The planner is off
 * (`CELLIER_SCHEDULE=false`) so that a test decides which nights are imported.
 */
export async function createTestApp(
  db: TestDatabase,
  now = '2026-11-27T10:00:00Z',
  { connectorOptions, ...overrides }: Partial<Config> & { connectorOptions?: TillConnectorOptions } = {},
): Promise<TestApp> {
  const clock = fixedClock(now);
  const cellier = await composeCellier({
    config: testConfig({ schedule: false, ...overrides }),
    database: db,
    clock,
    connectorOptions: { ...TEST_CONNECTOR_OPTIONS, ...connectorOptions },
    quiet: true,
    version: 'test',
  });
  const { app, imports, tills } = cellier;
  if (imports.mode !== 'embedded') throw new Error('tests run the embedded queue');
  await app.ready();
  return { app, clock, db, imports: imports as EmbeddedQueue, tills };
}

/** A browser-like client: keeps cookies and echoes the CSRF cookie in its header, like the SPA does. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    if (!this.cookies.has('cellier_csrf') && method !== 'GET') await this.request('GET', '/api/auth/me');
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(this.cookies.has('cellier_csrf')
          ? { 'x-csrf-token': this.cookies.get('cellier_csrf') ?? '' }
          : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    });
    this.keepCookies(response);
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);

  async signUp(email: string, password = 'motdepasse-solide'): Promise<{ id: string }> {
    const res = await this.post('/api/auth/signup', { email, password });
    if (res.statusCode !== 201) throw new Error(`signup failed: ${res.body}`);
    return res.json<{ account: { id: string } }>().account;
  }

  /** Reads the session as the web app does on load: takes up the invitations sent to this account. */
  async readSession(): Promise<void> {
    const res = await this.get('/api/auth/me');
    if (res.statusCode !== 200) throw new Error(`session read failed: ${res.body}`);
  }

  async createEstablishment(name: string): Promise<string> {
    const res = await this.post('/api/establishments', { name });
    if (res.statusCode !== 201) throw new Error(`establishment failed: ${res.body}`);
    return res.json<{ id: string }>().id;
  }

  private keepCookies(response: LightMyRequestResponse) {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

export const json = <T>(res: LightMyRequestResponse): T => res.json();

export type TaskView = {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed';
  stateLabel: string;
  done: number;
  total: number;
  establishmentId: string | null;
  result: unknown;
  error: string | null;
};

/** Follows a task over HTTP, as the web app does, until it has succeeded or failed. */
export async function waitForTask(client: TestClient, taskId: string, timeoutMs = 60_000): Promise<TaskView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/tasks/${taskId}`);
    if (res.statusCode !== 200) throw new Error(`task ${taskId}: ${res.statusCode} ${res.body}`);
    const task = res.json<TaskView>();
    if (task.state === 'succeeded' || task.state === 'failed') return task;
    if (Date.now() > until) throw new Error(`task ${taskId} still ${task.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
