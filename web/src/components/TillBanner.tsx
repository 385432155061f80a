import type { ImportOverview, TillState } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { TillSource } from './TillSource.tsx';

/** The tills in use of an overview (removed ones are history, never a banner); undefined while it loads. */
export const tillsInUse = (overview: ImportOverview | undefined): TillState[] | undefined =>
  overview?.tills.filter((c) => c.archivedAt === null);

/** Each till's state where it matters: refused credentials, a failing till, the last import; none: how to add one. */
export function TillBanner({
  eid,
  tills,
  quiet = false,
}: {
  eid: string;
  tills: TillState[] | undefined;
  /** Only problems (the Boissons page); otherwise also the last import. */
  quiet?: boolean;
}) {
  const { t } = useI18n();
  if (tills === undefined) return null;
  if (tills.length === 0) {
    if (quiet) return null;
    return (
      <div className="banner banner--info till-banner">
        <span>{t('till.none')}</span>
        <SettingsLink eid={eid} />
      </div>
    );
  }
  return (
    <>
      {tills.map((c) => (
        <OneTill key={c.id} eid={eid} connection={c} named={tills.length > 1} quiet={quiet} />
      ))}
    </>
  );
}

function SettingsLink({ eid }: { eid: string }) {
  const { t } = useI18n();
  return (
    <Link to={paths.tillSettings(eid)} className="banner__link">
      {t('till.settingsLink')}
    </Link>
  );
}

function OneTill({
  eid,
  connection,
  named,
  quiet,
}: {
  eid: string;
  connection: TillState;
  /** Several tills: each line says which one it speaks of. */
  named: boolean;
  quiet: boolean;
}) {
  const { t, date } = useI18n();
  const settingsLink = <SettingsLink eid={eid} />;
  const source = named ? (
    <>
      <TillSource name={connection.name} />{' '}
    </>
  ) : null;
  const lastImport = connection.lastImportAt
    ? t('till.lastImport', { date: date(connection.lastImportAt, true) })
    : t('till.noImportYet');
  const recentError =
    connection.lastError &&
    connection.lastErrorAt &&
    (!connection.lastImportAt || connection.lastErrorAt > connection.lastImportAt);
  if (connection.status === 'refused')
    return (
      <div className="banner banner--error till-banner" role="alert">
        <span>
          {source}
          <strong>{t('till.refusedBanner')}</strong>
          <br />
          <span className="till-banner__meta">{lastImport}</span>
        </span>
        {settingsLink}
      </div>
    );
  if (connection.status === 'failing' || recentError)
    return (
      <div className="banner banner--error till-banner" role="alert">
        <span>
          {source}
          <strong>{t('till.failingBanner')}</strong> {connection.lastError ?? connection.statusMessage ?? ''}
          {connection.lastErrorAt && (
            <span className="till-banner__meta"> ({date(connection.lastErrorAt, true)})</span>
          )}
          <br />
          <span className="till-banner__meta">{lastImport}</span>
        </span>
        {settingsLink}
      </div>
    );
  if (quiet) return null;
  return (
    <p className="till-status muted" role="status">
      {source}
      {connection.siteName ? `${t('till.connectedTo', { site: connection.siteName })} · ` : ''}
      {lastImport}
    </p>
  );
}
