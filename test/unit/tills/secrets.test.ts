import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TillError, createTillConnector } from '../../../src/tills/connector.ts';
import type { AsterioSimulator } from '../../../src/tills/simulator/index.ts';
import { SATURDAY, ZINC, connect, rejectionOf, startSimulator } from './helpers.ts';

const PASSWORD = 'S3cr3t-Pa$$word!';

let sim: AsterioSimulator;
let echo: http.Server;
let echoUrl: string;
beforeAll(async () => {
  sim = await startSimulator({
    restaurants: [
      {
        name: 'Le Petit Zinc',
        kmlcode: ZINC,
        siteCode: 'SID',
        password: PASSWORD,
        lunchTickets: 20,
        dinnerTickets: 30,
        lateNight: false,
        closedWeekdays: [],
        closeHour: 4,
        wineCount: 20,
        glassShare: 0.3,
        barShare: 0.3,
        priceLevel: 1,
        maxTickets: 200,
        maxLines: 800,
      },
    ],
  });
  // A hostile or buggy server that echoes the Authorization header and the password in its errors.
  echo = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    const body = `erreur: ${auth} / ${Buffer.from(auth.slice(6), 'base64').toString()} / ${encodeURIComponent(PASSWORD)}`;
    res.writeHead(req.url?.includes('/site') ? 400 : 500, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

const FORMS = [
  PASSWORD,
  encodeURIComponent(PASSWORD),
  Buffer.from(PASSWORD).toString('base64'),
  Buffer.from(`LEPETITZINC_GENERICDATA:${PASSWORD}`).toString('base64'),
];

/** Everything an error exposes: message, detail, JSON, string form, stack, own properties. */
function exposed(error: unknown): string {
  const e = error as TillError;
  return [e.message, e.detail, JSON.stringify(e), String(e), e.stack, JSON.stringify(Object.entries(e))].join(
    '\n',
  );
}

describe('secrets never leave the connector', () => {
  it(
    'no error, log line or thrown object contains the password, in any failure',
    { timeout: 15_000 },
    async () => {
      const texts: string[] = [];
      const collect = async (promise: Promise<unknown>): Promise<void> => {
        const error = await rejectionOf(promise);
        expect(error).toBeInstanceOf(TillError);
        texts.push(exposed(error));
      };
      const scenarios: [
        faults: Parameters<AsterioSimulator['setFaults']>[1],
        run: (c: ReturnType<typeof connect>['connector']) => Promise<unknown>,
      ][] = [
        [{ serverErrorRate: 1 }, (c) => c.testConnection()],
        [{ rateLimitRate: 1 }, (c) => c.listProducts()],
        [{ malformedRate: 1 }, (c) => c.listTickets(SATURDAY)],
        [{ endlessPages: true }, (c) => c.listTickets(SATURDAY)],
        [{ padBytes: 50_000 }, (c) => c.isDayClosed(SATURDAY)],
      ];
      const logs: string[] = [];
      for (const [faults, run] of scenarios) {
        sim.setFaults(ZINC, faults);
        const { connector, captured } = connect(sim, ZINC, { maxPages: 2, maxBytes: 20_000 });
        await collect(run(connector));
        logs.push(...captured.logs);
      }
      sim.clearFaults();
      const wrong = connect(sim, ZINC, {}, { ...sim.credentials(ZINC), password: `${PASSWORD}-old` });
      await collect(wrong.connector.testConnection());
      logs.push(...wrong.captured.logs);
      const hostile = connect(sim, ZINC, { retries: 1 }, { ...sim.credentials(ZINC), domain: echoUrl });
      await collect(hostile.connector.testConnection());
      await collect(hostile.connector.listProducts());
      logs.push(...hostile.captured.logs);
      // Invalid credentials are refused before any request, with a message that names the field only.
      for (const bad of [{ domain: 'http://exemple.fr' }, { kmlcode: 'Pas Bon' }, { identifier: '' }]) {
        const error = (() => {
          try {
            createTillConnector('asterio', { ...sim.credentials(ZINC), ...bad });
          } catch (e) {
            return e;
          }
          return null;
        })();
        expect(error).toBeInstanceOf(TillError);
        texts.push(exposed(error));
      }
      expect(logs.length).toBeGreaterThan(10);
      const all = [...texts, ...logs].join('\n');
      for (const form of FORMS) expect(all).not.toContain(form);
      // The hostile server's body never reaches an error, masked or not (issue 10: no reading of remote pages).
      expect(all).not.toContain('erreur:');
    },
  );

  it('successful calls log method, path and status, never headers', { timeout: 5_000 }, async () => {
    const { connector, captured } = connect(sim, ZINC);
    await connector.listTickets(SATURDAY);
    expect(captured.logs.some((l) => l.includes('"method":"GET"') && l.includes('"status":200'))).toBe(true);
    const all = captured.logs.join('\n');
    for (const form of FORMS) expect(all).not.toContain(form);
    expect(all.toLowerCase()).not.toContain('authorization');
  });
});
