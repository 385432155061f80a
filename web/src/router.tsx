import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A tiny router on the history API: the URL is the state; components read it with useLocation. */
const NAVIGATE_EVENT = 'cellier:navigate';

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(NAVIGATE_EVENT, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(NAVIGATE_EVENT, callback);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, href };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  if (!options.replace) window.scrollTo(0, 0);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; replace?: boolean };

export function Link({ to, replace, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to, replace ? { replace } : {});
  };
  return <a href={to} onClick={handle} {...rest} />;
}

export type Route =
  | { name: 'home' }
  | { name: 'signin' }
  | { name: 'signup' }
  | { name: 'establishments' }
  | { name: 'account' }
  | { name: 'drinks'; eid: string }
  | { name: 'drinkNew'; eid: string }
  | { name: 'drink'; eid: string; drinkId: string; tab: DrinkTab }
  | { name: 'drinkEdit'; eid: string; drinkId: string }
  | { name: 'inventory'; eid: string }
  | { name: 'countSessions'; eid: string }
  | { name: 'countSheet'; eid: string; sessionId: string }
  | { name: 'variance'; eid: string; sessionId: string }
  | { name: 'reports'; eid: string }
  | { name: 'settings'; eid: string }
  | { name: 'imports'; eid: string }
  | { name: 'sync'; eid: string }
  | { name: 'syncSafe'; eid: string }
  | { name: 'carte'; eid: string }
  | { name: 'notFound' };

export type DrinkTab = 'info' | 'movements' | 'sales';

export const paths = {
  home: () => '/',
  signin: () => '/connexion',
  signup: () => '/inscription',
  establishments: () => '/etablissements',
  account: () => '/compte',
  drinks: (eid: string) => `/e/${eid}/boissons`,
  drinkNew: (eid: string) => `/e/${eid}/boissons/nouvelle`,
  drink: (eid: string, drinkId: string) => `/e/${eid}/boissons/${drinkId}`,
  drinkMovements: (eid: string, drinkId: string) => `/e/${eid}/boissons/${drinkId}/mouvements`,
  drinkSales: (eid: string, drinkId: string) => `/e/${eid}/boissons/${drinkId}/ventes`,
  drinkEdit: (eid: string, drinkId: string) => `/e/${eid}/boissons/${drinkId}/modifier`,
  inventory: (eid: string) => `/e/${eid}/inventaire`,
  countSessions: (eid: string) => `/e/${eid}/inventaires`,
  countSheet: (eid: string, sid: string) => `/e/${eid}/inventaires/${sid}`,
  variance: (eid: string, sid: string) => `/e/${eid}/inventaires/${sid}/ecarts`,
  reports: (eid: string) => `/e/${eid}/rapports`,
  settings: (eid: string) => `/e/${eid}/parametres`,
  tillSettings: (eid: string) => `/e/${eid}/parametres#caisse`,
  imports: (eid: string) => `/e/${eid}/imports`,
  sync: (eid: string) => `/e/${eid}/synchronisation`,
  syncSafe: (eid: string) => `/e/${eid}/synchronisation/propositions-sures`,
  carte: (eid: string) => `/e/${eid}/carte`,
};

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d, e, f] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && a === 'connexion') return { name: 'signin' };
  if (parts.length === 1 && a === 'inscription') return { name: 'signup' };
  if (parts.length === 1 && a === 'etablissements') return { name: 'establishments' };
  if (parts.length === 1 && a === 'compte') return { name: 'account' };
  if (a === 'e' && b) {
    if (c === 'boissons') {
      if (!d && parts.length === 3) return { name: 'drinks', eid: b };
      if (d === 'nouvelle' && parts.length === 4) return { name: 'drinkNew', eid: b };
      if (d && parts.length === 4) return { name: 'drink', eid: b, drinkId: d, tab: 'info' };
      if (d && e === 'mouvements' && !f) return { name: 'drink', eid: b, drinkId: d, tab: 'movements' };
      if (d && e === 'ventes' && !f) return { name: 'drink', eid: b, drinkId: d, tab: 'sales' };
      if (d && e === 'modifier' && !f) return { name: 'drinkEdit', eid: b, drinkId: d };
    }
    if (c === 'inventaire' && parts.length === 3) return { name: 'inventory', eid: b };
    if (c === 'inventaires') {
      if (parts.length === 3) return { name: 'countSessions', eid: b };
      if (d && parts.length === 4) return { name: 'countSheet', eid: b, sessionId: d };
      if (d && e === 'ecarts' && !f) return { name: 'variance', eid: b, sessionId: d };
    }
    if (c === 'rapports' && parts.length === 3) return { name: 'reports', eid: b };
    if (c === 'parametres' && parts.length === 3) return { name: 'settings', eid: b };
    if (c === 'imports' && parts.length === 3) return { name: 'imports', eid: b };
    if (c === 'carte' && parts.length === 3) return { name: 'carte', eid: b };
    if (c === 'synchronisation' && parts.length === 3) return { name: 'sync', eid: b };
    if (c === 'synchronisation' && d === 'propositions-sures' && parts.length === 4)
      return { name: 'syncSafe', eid: b };
  }
  return { name: 'notFound' };
}
