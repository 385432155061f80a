import type { TillConnector, TillConnectorOptions } from '../../tills/connector.ts';
import { createTillConnector } from '../../tills/connector.ts';
import type { StoredTillConnection } from '../../db/repositories/tillConnections.ts';
import type { SecretBox } from '../secrets.ts';
import { DEMO_DOMAIN, demoSimulator } from '../demo/demoTill.ts';

/** What services need to reach a till: the key to open the password, and how to build a connector. */
export type TillAccess = {
  secrets: SecretBox;
  connectorOptions: TillConnectorOptions;
  /**
   * The development switch (`CELLIER_DEV_LOCAL_TILLS`): tills on a loopback address, `http://` allowed (the
   * README's simulator, tests). Private and reserved addresses stay refused. The demo's in-process simulator
   * does not need it.
   */
  allowInsecureLocalhost: boolean;
  /** Replaces the connector (tests of services that must not depend on HTTP details). */
  connectorFactory?: (connection: StoredTillConnection, password: string) => TillConnector;
};

/** "Tester la connexion" waits for a person: no retries, and both of its requests within 10 s. */
export const INTERACTIVE_MS = 5_000;

export function connectorFor(
  access: TillAccess,
  connection: StoredTillConnection,
  mode: 'background' | 'interactive' = 'background',
  /** The app's clock: a HubRise day is over when its window has ended (HubRise has no day closure). */
  now?: () => Date,
  /** The request's: a browser that goes away stops the call to the till. */
  signal?: AbortSignal,
): TillConnector {
  const password = access.secrets.open(connection.passwordEncrypted);
  if (access.connectorFactory) return access.connectorFactory(connection, password);
  const base = access.connectorOptions;
  const options =
    mode === 'interactive'
      ? {
          ...base,
          retries: 0,
          timeouts: {
            connectMs: Math.min(base.timeouts?.connectMs ?? INTERACTIVE_MS, INTERACTIVE_MS),
            readMs: Math.min(base.timeouts?.readMs ?? INTERACTIVE_MS, INTERACTIVE_MS),
            totalMs: Math.min(base.timeouts?.totalMs ?? INTERACTIVE_MS, INTERACTIVE_MS),
          },
        }
      : base;
  const isDemo = connection.isSimulator && connection.domain === DEMO_DOMAIN;
  // Only the demo's own simulator, whose address the server chose, is reached on loopback without the switch.
  const final = {
    ...options,
    allowInsecureLocalhost: access.allowInsecureLocalhost || isDemo,
    ...(now ? { now } : {}),
    ...(signal ? { signal } : {}),
  };
  const build = (domain: string) =>
    connection.tillType === 'hubrise'
      ? createTillConnector(
          'hubrise',
          {
            locationId: connection.kmlcode,
            accessToken: password,
            catalogId: connection.siteCode === '' ? null : connection.siteCode,
            apiOrigin: domain,
          },
          final,
        )
      : createTillConnector(
          'asterio',
          {
            domain,
            kmlcode: connection.kmlcode,
            siteCode: connection.siteCode,
            identifier: connection.identifier,
            password,
          },
          final,
        );
  if (!isDemo) return build(connection.domain);
  // The demo's till is the simulator in this process, whose port changes at every start.
  const ready = demoSimulator().then((sim) => build(sim.url ?? DEMO_DOMAIN));
  return {
    testConnection: async () => (await ready).testConnection(),
    listProducts: async () => (await ready).listProducts(),
    listTickets: async (day) => (await ready).listTickets(day),
    isDayClosed: async (day) => (await ready).isDayClosed(day),
  };
}
