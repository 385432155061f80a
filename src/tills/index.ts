/** The tills module's public surface for services: the read-only connector and Astério credentials. */
export * from './connector.ts';
export {
  asterioCredentialsSchema,
  asterioDomainSchema,
  deriveFromDomain,
  DEFAULT_SITE_CODE,
  KMLCODE_PATTERN,
} from './asterio/credentials.ts';
export type { AsterioCredentials, AsterioCredentialsInput } from './asterio/credentials.ts';
