import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onUnauthenticated } from './api/client.ts';
import { authApi, establishmentApi } from './api/endpoints.ts';
import type { Account, Establishment, Locale } from '../../src/http/contract.ts';
import { useI18n } from './i18n/i18n.tsx';
import { navigate, paths } from './router.tsx';

const CURRENT_KEY = 'cellier.establishment';

type Session = {
  /** undefined while loading, null when signed out. */
  account: Account | null | undefined;
  establishments: Establishment[] | undefined;
  signedIn: (account: Account) => void;
  signOut: () => Promise<void>;
  reloadEstablishments: () => Promise<Establishment[]>;
  changeLocale: (locale: Locale) => void;
  rememberEstablishment: (eid: string) => void;
  rememberedEstablishment: () => string | null;
};

const SessionContext = createContext<Session | null>(null);

function readRemembered(): string | null {
  try {
    return localStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [establishments, setEstablishments] = useState<Establishment[] | undefined>(undefined);

  const reloadEstablishments = useCallback(async () => {
    const { items } = await establishmentApi.list();
    setEstablishments(items);
    return items;
  }, []);

  useEffect(() => {
    let alive = true;
    authApi
      .me()
      .then((me) => {
        if (alive) setAccount(me.account);
      })
      .catch(() => {
        if (alive) setAccount(null);
      });
    onUnauthenticated(() => {
      setAccount(null);
      setEstablishments(undefined);
      navigate(paths.signin(), { replace: true });
    });
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!account) return;
    reloadEstablishments().catch(() => setEstablishments([]));
  }, [account, reloadEstablishments]);

  const signedIn = useCallback(
    (next: Account) => {
      setAccount(next);
      // The account's saved language wins over the browser's, unless the user picked one on the welcome page.
      if (next.locale !== locale) setLocale(next.locale);
    },
    [locale, setLocale],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setAccount(null);
      setEstablishments(undefined);
      navigate(paths.signin(), { replace: true });
    }
  }, []);

  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      if (account) {
        setAccount({ ...account, locale: next });
        authApi.setLocale(next).catch(() => undefined);
      }
    },
    [account, setLocale],
  );

  const value = useMemo<Session>(
    () => ({
      account,
      establishments,
      signedIn,
      signOut,
      reloadEstablishments,
      changeLocale,
      rememberEstablishment: (eid) => {
        try {
          localStorage.setItem(CURRENT_KEY, eid);
        } catch {
          // Not remembered across visits.
        }
      },
      rememberedEstablishment: readRemembered,
    }),
    [account, establishments, signedIn, signOut, reloadEstablishments, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
