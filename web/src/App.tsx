import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import type { Establishment } from '../../src/http/contract.ts';
import { AppHeader, type Tab } from './components/AppHeader.tsx';
import { ErrorBanner, Loading } from './components/Feedback.tsx';
import { useI18n, type MessageKey } from './i18n/i18n.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { AuthPage } from './pages/AuthPage.tsx';
import { CountSessionsPage } from './pages/CountSessionsPage.tsx';
import { CountSheetPage } from './pages/CountSheetPage.tsx';
import { DrinkFormPage } from './pages/DrinkFormPage.tsx';
import { DrinkPage } from './pages/DrinkPage.tsx';
import { DrinksPage } from './pages/DrinksPage.tsx';
import { EstablishmentsPage } from './pages/EstablishmentsPage.tsx';
import { InventoryPage } from './pages/InventoryPage.tsx';
import { Link, matchRoute, navigate, paths, useLocation, type Route } from './router.tsx';
import { useSession } from './session.tsx';

// Pages that are seldom the first of the day load when opened (the reports page with its chart library): the main
// bundle stays small.
const ReportsPage = lazy(() => import('./pages/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const VariancePage = lazy(() =>
  import('./pages/VariancePage.tsx').then((m) => ({ default: m.VariancePage })),
);
const CartePage = lazy(() => import('./pages/CartePage.tsx').then((m) => ({ default: m.CartePage })));
const ImportsPage = lazy(() => import('./pages/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));
const SettingsPage = lazy(() =>
  import('./pages/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);
const SyncPage = lazy(() => import('./pages/SyncPage.tsx').then((m) => ({ default: m.SyncPage })));
const SafeProposalsPage = lazy(() =>
  import('./pages/SafeProposalsPage.tsx').then((m) => ({ default: m.SafeProposalsPage })),
);

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <main className="page page--narrow">
      <p>{t('common.notFound')}</p>
      <Link to={paths.home()}>{t('common.home')}</Link>
    </main>
  );
}

const TITLES: Partial<Record<Route['name'], MessageKey>> = {
  signin: 'auth.signin.title',
  signup: 'auth.signup.title',
  establishments: 'est.title',
  account: 'account.title',
  drinks: 'nav.drinks',
  drinkNew: 'form.createTitle',
  drink: 'nav.drinks',
  drinkEdit: 'form.editTitle',
  inventory: 'nav.inventory',
  countSessions: 'count.title',
  countSheet: 'count.title',
  variance: 'var.title',
  reports: 'rep.title',
  settings: 'nav.settings',
  imports: 'nav.imports',
  sync: 'sync.title',
  syncSafe: 'safe.title',
  carte: 'carte.title',
};

export function App() {
  const { pathname } = useLocation();
  const { t } = useI18n();
  const { account, establishments, rememberedEstablishment, loadError, retryLoad } = useSession();
  const route = matchRoute(pathname);
  const titleKey = TITLES[route.name];
  const title = titleKey ? `${t(titleKey)} · ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);

  // Without the account or its establishments nothing can show; a later failure shows in the header.
  if (loadError && (account === undefined || (account && establishments === undefined)))
    return (
      <main className="page page--narrow">
        <ErrorBanner error={loadError} onRetry={retryLoad} />
      </main>
    );
  if (account === undefined) return <Loading />;
  if (route.name === 'signin' || route.name === 'signup') {
    if (account) return <Redirect to={paths.home()} />;
    return <AuthPage mode={route.name} />;
  }
  if (!account) return <Redirect to={paths.signin()} />;
  if (route.name === 'notFound')
    return (
      <>
        <AppHeader />
        <NotFound />
      </>
    );
  if (establishments === undefined) return <Loading />;
  if (route.name === 'home') {
    const remembered = rememberedEstablishment();
    const target =
      establishments.find((e) => e.id === remembered) ??
      (establishments.length === 1 ? establishments[0] : undefined);
    return <Redirect to={target ? paths.drinks(target.id) : paths.establishments()} />;
  }
  if (route.name === 'account')
    return (
      <>
        <AppHeader />
        <AccountPage />
      </>
    );
  if (route.name === 'establishments')
    return (
      <>
        <AppHeader />
        <EstablishmentsPage />
      </>
    );
  const establishment = establishments.find((e) => e.id === route.eid);
  if (!establishment)
    return (
      <>
        <AppHeader />
        <NotFound />
      </>
    );
  return <EstablishmentRoute route={route} establishment={establishment} />;
}

type EstablishmentRouteName = Exclude<
  Route,
  { name: 'home' | 'signin' | 'signup' | 'establishments' | 'account' | 'notFound' }
>;

function EstablishmentRoute({
  route,
  establishment,
}: {
  route: EstablishmentRouteName;
  establishment: Establishment;
}) {
  const { rememberEstablishment } = useSession();
  useEffect(() => rememberEstablishment(establishment.id), [establishment.id, rememberEstablishment]);

  let tab: Tab;
  let content: ReactNode;
  switch (route.name) {
    case 'drinks':
      tab = 'drinks';
      content = <DrinksPage establishment={establishment} />;
      break;
    case 'drinkNew':
      tab = 'drinks';
      content = <DrinkFormPage establishment={establishment} />;
      break;
    case 'drinkEdit':
      tab = 'drinks';
      content = <DrinkFormPage key={route.drinkId} establishment={establishment} drinkId={route.drinkId} />;
      break;
    case 'drink':
      tab = 'drinks';
      content = (
        <DrinkPage
          key={route.drinkId}
          establishment={establishment}
          drinkId={route.drinkId}
          tab={route.tab}
        />
      );
      break;
    case 'inventory':
      tab = 'inventory';
      content = <InventoryPage establishment={establishment} />;
      break;
    case 'countSessions':
      tab = 'inventory';
      content = <CountSessionsPage key={establishment.id} establishment={establishment} />;
      break;
    case 'countSheet':
      tab = 'inventory';
      content = (
        <CountSheetPage key={route.sessionId} establishment={establishment} sessionId={route.sessionId} />
      );
      break;
    case 'variance':
      tab = 'inventory';
      content = (
        <VariancePage key={route.sessionId} establishment={establishment} sessionId={route.sessionId} />
      );
      break;
    case 'reports':
      tab = 'reports';
      content = <ReportsPage key={establishment.id} establishment={establishment} />;
      break;
    case 'imports':
      tab = 'imports';
      content = <ImportsPage key={establishment.id} establishment={establishment} />;
      break;
    case 'sync':
      tab = 'drinks';
      content = <SyncPage key={establishment.id} establishment={establishment} />;
      break;
    case 'syncSafe':
      tab = 'drinks';
      content = <SafeProposalsPage key={establishment.id} establishment={establishment} />;
      break;
    case 'carte':
      tab = 'carte';
      content = <CartePage key={establishment.id} establishment={establishment} />;
      break;
    case 'settings':
      tab = 'settings';
      content = <SettingsPage key={establishment.id} establishment={establishment} />;
      break;
  }
  return (
    <>
      <AppHeader establishment={establishment} tab={tab} />
      <Suspense fallback={<Loading />}>{content}</Suspense>
    </>
  );
}
