import type { Establishment } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, paths } from '../router.tsx';
import { useSession } from '../session.tsx';
import { drinkListPath } from '../pages/drinkListQuery.ts';
import { ErrorBanner } from './Feedback.tsx';
import { UserMenu } from './UserMenu.tsx';

export function GlassIcon() {
  return (
    <svg
      className="brand__mark"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M7 2h10l.6 6.2A5.6 5.6 0 0 1 13 14.3V20h3v2H8v-2h3v-5.7a5.6 5.6 0 0 1-4.6-6.1L7 2Zm1.8 2-.3 3h7l-.3-3H8.8Z"
        fill="currentColor"
      />
    </svg>
  );
}

export type Tab = 'drinks' | 'inventory' | 'reports' | 'imports' | 'carte' | 'settings';

const ALL = '__all__';

export function AppHeader({ establishment, tab }: { establishment?: Establishment; tab?: Tab }) {
  const { t } = useI18n();
  const { establishments, rememberEstablishment, loadError, retryLoad } = useSession();
  const tabs: { id: Tab; label: string; to: (eid: string) => string }[] = [
    { id: 'drinks', label: t('nav.drinks'), to: drinkListPath },
    { id: 'inventory', label: t('nav.inventory'), to: paths.countSessions },
    { id: 'reports', label: t('nav.reports'), to: paths.reports },
    { id: 'imports', label: t('nav.imports'), to: paths.imports },
    { id: 'carte', label: t('nav.carte'), to: paths.carte },
    { id: 'settings', label: t('nav.settings'), to: paths.settings },
  ];
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <Link to={paths.home()} className="brand">
          <GlassIcon />
          {t('app.name')}
        </Link>
        {establishment && (
          <label className="est-switch">
            <span className="visually-hidden">{t('nav.establishment')}</span>
            <select
              value={establishment.id}
              onChange={(e) => {
                const eid = e.target.value;
                if (eid === ALL) {
                  navigate(paths.establishments());
                  return;
                }
                rememberEstablishment(eid);
                navigate(paths.drinks(eid));
              }}
            >
              {(establishments ?? [establishment]).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
              <option value={ALL}>{t('nav.allEstablishments')}</option>
            </select>
          </label>
        )}
        <UserMenu />
      </div>
      {establishment && (
        <nav className="tabs" aria-label={t('nav.main')}>
          {tabs.map((item) => (
            <Link
              key={item.id}
              to={item.to(establishment.id)}
              className={`tabs__tab${tab === item.id ? ' tabs__tab--active' : ''}`}
              aria-current={tab === item.id ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
      )}
      <ErrorBanner error={loadError} onRetry={retryLoad} />
    </header>
  );
}
