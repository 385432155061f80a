import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { sessionKeys, useSaveLocale, useSignOut } from './api/accountQueries.ts';
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
  /** Why the account or its establishments could not be loaded; retryLoad tries again. */
  loadError: unknown;
  retryLoad: () => void;
  signedIn: (account: Account) => void;
  signOut: () => Promise<void>;
  reloadEstablishments: () => Promise<Establishment[]>;
  changeLocale: (locale: Locale) => void;
  rememberEstablishment: (eid: string) => void;
  rememberedEstablishment: () => string | null;
};

const ME = sessionKeys.me;
const ESTABLISHMENTS = sessionKeys.establishments;

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
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME, queryFn: () => authApi.me().then((r) => r.account) });
  const account = me.data;
  const setAccount = useCallback(
    (next: Account | null) => {
      queryClient.setQueryData(ME, next);
      if (!next) queryClient.removeQueries({ queryKey: ESTABLISHMENTS });
    },
    [queryClient],
  );
  const list = useQuery({
    queryKey: ESTABLISHMENTS,
    queryFn: () => establishmentApi.list().then((r) => r.items),
    enabled: !!account,
  });
  const establishments = account ? list.data : undefined;
  const saveLocale = useSaveLocale();
  const logout = useSignOut();
  const loadError = me.error ?? (account ? list.error : null) ?? saveLocale.error;
  const resetLocaleError = saveLocale.reset;
  const retryLoad = useCallback(() => {
    resetLocaleError();
    void queryClient.refetchQueries({ queryKey: ME });
    void queryClient.refetchQueries({ queryKey: ESTABLISHMENTS });
  }, [queryClient, resetLocaleError]);

  const reloadEstablishments = useCallback(
    () =>
      queryClient.fetchQuery({
        queryKey: ESTABLISHMENTS,
        queryFn: () => establishmentApi.list().then((r) => r.items),
        staleTime: 0,
      }),
    [queryClient],
  );

  useEffect(() => {
    onUnauthenticated(() => {
      setAccount(null);
      navigate(paths.signin(), { replace: true });
    });
  }, [setAccount]);

  const signedIn = useCallback(
    (next: Account) => {
      setAccount(next);
      // The account's saved language wins over the browser's, unless the user picked one on the welcome page.
      if (next.locale !== locale) setLocale(next.locale);
    },
    [locale, setLocale, setAccount],
  );

  const logoutAsync = logout.mutateAsync;
  const signOut = useCallback(async () => {
    try {
      await logoutAsync();
    } finally {
      setAccount(null);
      navigate(paths.signin(), { replace: true });
    }
  }, [setAccount, logoutAsync]);

  const saveLocaleOf = saveLocale.mutate;
  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      if (account) {
        setAccount({ ...account, locale: next });
        saveLocaleOf(next);
      }
    },
    [account, setLocale, setAccount, saveLocaleOf],
  );

  const value = useMemo<Session>(
    () => ({
      account,
      establishments,
      loadError,
      retryLoad,
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
    [account, establishments, loadError, retryLoad, signedIn, signOut, reloadEstablishments, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
