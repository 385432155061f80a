import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useChangePassword, useSignOutEverywhere } from '../api/accountQueries.ts';
import { ErrorBanner, Notice, SubmitButton } from '../components/Feedback.tsx';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm', string>>;

/** The account page: change the password (other sessions end) and sign out everywhere. */
export function AccountPage() {
  const { t } = useI18n();
  const { account } = useSession();
  return (
    <main className="page page--narrow">
      <h1>{t('account.title')}</h1>
      {account && <p className="muted">{account.email}</p>}
      <PasswordForm />
      <SignOutEverywhere />
    </main>
  );
}

function PasswordForm() {
  const { t, tn } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const change = useChangePassword();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!currentPassword) found.currentPassword = t('auth.required');
    if (newPassword.length < 10) found.newPassword = t('auth.passwordShort');
    if (confirm !== newPassword) found.confirm = t('account.password.mismatch');
    setErrors(found);
    setError(null);
    setDone(null);
    if (Object.keys(found).length > 0) return;
    try {
      const { endedSessions } = await change.mutateAsync({ currentPassword, newPassword });
      setDone(tn('account.password.done', endedSessions));
      setCurrent('');
      setNew('');
      setConfirm('');
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      else setError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      <p className="muted">{t('account.password.lead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {done && <Notice>{done}</Notice>}
        <ErrorBanner error={error} />
        <Field label={t('account.password.current')} error={errors.currentPassword}>
          {(p) => (
            <input
              {...p}
              type="password"
              name="currentPassword"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('account.password.new')} error={errors.newPassword} hint={t('auth.passwordHint')}>
          {(p) => (
            <input
              {...p}
              type="password"
              name="newPassword"
              autoComplete="new-password"
              minLength={10}
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('account.password.confirm')} error={errors.confirm}>
          {(p) => (
            <input
              {...p}
              type="password"
              name="confirm"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        <SubmitButton
          pending={change.isPending}
          label={t('account.password.submit')}
          pendingLabel={t('account.password.pending')}
          className="btn btn--primary"
        />
      </form>
    </section>
  );
}

function SignOutEverywhere() {
  const { t } = useI18n();
  const { signOut } = useSession();
  const everywhere = useSignOutEverywhere();
  const pending = everywhere.isPending;
  const run = () => {
    if (!window.confirm(t('account.everywhere.confirm'))) return;
    // The session is already gone on the server: signOut only resets the app and returns to sign-in.
    everywhere.mutate(undefined, { onSuccess: () => void signOut() });
  };
  return (
    <section className="card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">{t('account.everywhere.title')}</h2>
      <p className="muted">{t('account.everywhere.lead')}</p>
      <ErrorBanner error={everywhere.error} />
      <button type="button" className="btn btn--danger" disabled={pending} onClick={run}>
        {pending ? t('account.everywhere.pending') : t('account.everywhere.submit')}
      </button>
    </section>
  );
}
