import type { TillConnector, TillConnectorOptions } from '../../tills/connector.ts';
import { createTillConnector } from '../../tills/connector.ts';
import type { StoredTillConnection } from '../../db/repositories/tillConnections.ts';
import type { SecretBox } from '../secrets.ts';
import { DEMO_DOMAIN, demoSimulator } from '../demo/demoTill.ts';

/** What services need to reach a till: the key to open the password, and how to build a connector. */
export type TillAccess = {
  secrets: SecretBox;
  connectorOptions: TillConnectorOptions;
  /** Tests and the demo point connections at the simulator on http://127.0.0.1. */
  allowInsecureLocalhost: boolean;
  /** Replaces the connector (tests of services that must not depend on HTTP details). */
  connectorFactory?: (connection: StoredTillConnection, password: string) => TillConnector;
};

export function connectorFor(access: TillAccess, connection: StoredTillConnection): TillConnector {
  const password = access.secrets.open(connection.passwordEncrypted);
  if (access.connectorFactory) return access.connectorFactory(connection, password);
  const build = (domain: string) =>
    createTillConnector(
      connection.tillType,
      {
        domain,
        kmlcode: connection.kmlcode,
        siteCode: connection.siteCode,
        identifier: connection.identifier,
        password,
      },
      {
        ...access.connectorOptions,
        allowInsecureLocalhost: access.allowInsecureLocalhost || connection.isSimulator,
      },
    );
  if (!(connection.isSimulator && connection.domain === DEMO_DOMAIN)) return build(connection.domain);
  // The demo's till is the simulator in this process, whose port changes at every start.
  const ready = demoSimulator().then((sim) => build(sim.url ?? DEMO_DOMAIN));
  return {
    testConnection: async () => (await ready).testConnection(),
    listProducts: async () => (await ready).listProducts(),
    listTickets: async (day) => (await ready).listTickets(day),
    isDayClosed: async (day) => (await ready).isDayClosed(day),
  };
}
