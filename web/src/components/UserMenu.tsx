import { useEffect, useRef } from 'react';
import type { Locale } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { useSession } from '../session.tsx';

const LANGUAGES: { locale: Locale; label: string }[] = [
  { locale: 'fr', label: 'Français' },
  { locale: 'en', label: 'English' },
];

/** The account menu: language and sign-out, in a native disclosure that works without JavaScript tricks. */
export function UserMenu() {
  const { t, locale } = useI18n();
  const { account, changeLocale, signOut } = useSession();
  const details = useRef<HTMLDetailsElement>(null);
  // A click elsewhere or Escape closes the menu, as people expect from a dropdown.
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const el = details.current;
      if (el?.open && event.target instanceof Node && !el.contains(event.target)) el.removeAttribute('open');
    };
    const onKey = (event: KeyboardEvent) => {
      const el = details.current;
      if (event.key === 'Escape' && el?.open) {
        el.removeAttribute('open');
        el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  if (!account) return null;
  const close = () => details.current?.removeAttribute('open');
  return (
    <details className="user-menu" ref={details}>
      <summary aria-label={t('user.menu')}>
        <span className="user-menu__avatar" aria-hidden="true">
          {(account.displayName ?? account.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="user-menu__name">{account.displayName ?? account.email}</span>
      </summary>
      <div className="user-menu__panel">
        <p className="user-menu__email">{account.email}</p>
        <Link to={paths.account()} className="btn btn--ghost user-menu__account" onClick={close}>
          {t('account.menuLink')}
        </Link>
        <fieldset className="user-menu__langs">
          <legend>{t('user.language')}</legend>
          {LANGUAGES.map((l) => (
            <button
              key={l.locale}
              type="button"
              lang={l.locale}
              className={`btn btn--small${l.locale === locale ? ' btn--active' : ''}`}
              aria-pressed={l.locale === locale}
              onClick={() => {
                changeLocale(l.locale);
                close();
              }}
            >
              {l.label}
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className="btn btn--ghost user-menu__signout"
          onClick={() => {
            close();
            void signOut();
          }}
        >
          {t('user.signOut')}
        </button>
      </div>
    </details>
  );
}
