import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useSignIn } from '../api/accountQueries.ts';
import { GlassIcon } from '../components/AppHeader.tsx';
import { ErrorBanner, SubmitButton } from '../components/Feedback.tsx';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { useSession } from '../session.tsx';

type Errors = Partial<Record<'email' | 'password' | 'displayName', string>>;

/** Welcome, sign-in and sign-up on one page: the form switches with the URL. */
export function AuthPage({ mode }: { mode: 'signin' | 'signup' }) {
  const { t, locale, setLocale } = useI18n();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const signIn = useSignIn();
  const signup = mode === 'signup';
  const clear = (key: keyof Errors) => {
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const validate = (): Errors => {
    const out: Errors = {};
    if (!email.trim()) out.email = t('auth.required');
    else if (signup && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) out.email = t('auth.emailInvalid');
    if (!password) out.password = t('auth.required');
    else if (signup && password.length < 10) out.password = t('auth.passwordShort');
    return out;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setError(null);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    try {
      const { account } = await signIn.mutateAsync(
        signup
          ? {
              signup,
              body: {
                email: email.trim(),
                password,
                locale,
                ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
              },
            }
          : { signup, body: { email: email.trim(), password } },
      );
      signedIn(account);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_credentials')
        setMessage(t('auth.invalidCredentials'));
      else if (err instanceof ApiError && err.code === 'rate_limited') setMessage(t('auth.rateLimited'));
      else if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      else setError(err);
    }
  };

  return (
    <main className="auth">
      <section className="auth__welcome">
        <p className="brand brand--large">
          <GlassIcon /> {t('app.name')}
        </p>
        <h1>{t('auth.welcome.title')}</h1>
        <p>{t('auth.welcome.lead')}</p>
        <div className="auth__langs">
          <button
            type="button"
            className="btn btn--link"
            lang="fr"
            onClick={() => setLocale('fr')}
            aria-pressed={locale === 'fr'}
          >
            Français
          </button>
          <span aria-hidden="true"> · </span>
          <button
            type="button"
            className="btn btn--link"
            lang="en"
            onClick={() => setLocale('en')}
            aria-pressed={locale === 'en'}
          >
            English
          </button>
        </div>
      </section>
      <section className="auth__card card">
        <h2>{signup ? t('auth.signup.title') : t('auth.signin.title')}</h2>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {message && (
            <div className="banner banner--error" role="alert">
              {message}
            </div>
          )}
          <ErrorBanner error={error} />
          {signup && (
            <Field label={`${t('auth.displayName')} (${t('common.optional')})`} error={errors.displayName}>
              {(p) => (
                <input
                  {...p}
                  name="displayName"
                  autoComplete="name"
                  value={displayName}
                  onChange={(e) => {
                    setDisplayName(e.target.value);
                    clear('displayName');
                  }}
                />
              )}
            </Field>
          )}
          <Field label={t('auth.email')} error={errors.email}>
            {(p) => (
              <input
                {...p}
                type="email"
                name="email"
                autoComplete="email"
                inputMode="email"
                required
                value={email}
                onChange={(e) => {
                  setEmail(e.target.value);
                  clear('email');
                }}
              />
            )}
          </Field>
          <Field
            label={t('auth.password')}
            error={errors.password}
            hint={signup ? t('auth.passwordHint') : undefined}
          >
            {(p) => (
              <input
                {...p}
                type="password"
                name="password"
                autoComplete={signup ? 'new-password' : 'current-password'}
                required
                minLength={signup ? 10 : undefined}
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  clear('password');
                }}
              />
            )}
          </Field>
          <SubmitButton
            pending={signIn.isPending}
            label={signup ? t('auth.signup.submit') : t('auth.signin.submit')}
            pendingLabel={signup ? t('auth.signup.pending') : t('auth.signin.pending')}
            className="btn btn--primary btn--block"
          />
        </form>
        <p className="auth__switch">
          {signup ? t('auth.toSignin') : t('auth.toSignup')}{' '}
          <Link to={signup ? paths.signin() : paths.signup()}>
            {signup ? t('auth.toSigninLink') : t('auth.toSignupLink')}
          </Link>
        </p>
      </section>
    </main>
  );
}
