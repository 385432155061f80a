import type { TillState } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';

/** The till connection's state where it matters: refused credentials, a failing till, the last import. */
export function TillBanner({
  eid,
  connection,
  quiet = false,
}: {
  eid: string;
  connection: TillState | null | undefined;
  /** Only problems (the Boissons page); otherwise also the last import. */
  quiet?: boolean;
}) {
  const { t, date } = useI18n();
  if (connection === undefined) return null;
  const settingsLink = (
    <Link to={paths.tillSettings(eid)} className="banner__link">
      {t('till.settingsLink')}
    </Link>
  );
  if (connection === null) {
    if (quiet) return null;
    return (
      <div className="banner banner--info till-banner">
        <span>{t('till.none')}</span>
        {settingsLink}
      </div>
    );
  }
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
      {connection.siteName ? `${t('till.connectedTo', { site: connection.siteName })} · ` : ''}
      {lastImport}
    </p>
  );
}
