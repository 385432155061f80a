import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useInvite, useUpdateEstablishment } from '../api/accountQueries.ts';
import { useMembers } from '../api/queries.ts';
import type { Establishment, Role } from '../../../src/http/contract.ts';
import {
  EstablishmentFields,
  validateEstablishment,
  type EstablishmentErrors,
  type EstablishmentValues,
} from '../components/EstablishmentFields.tsx';
import { ErrorBanner, Notice, SubmitButton } from '../components/Feedback.tsx';
import { Field } from '../components/Field.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { MemberRole } from './MemberRole.tsx';
import { SupplierCatalogue } from './SupplierCatalogue.tsx';
import { TillSettings } from './TillSettings.tsx';

const ROLES: Role[] = ['owner', 'manager', 'staff'];

/** Paramètres: the establishment's settings, its till connection (Caisse), and its members. */
export function SettingsPage({ establishment }: { establishment: Establishment }) {
  const { t } = useI18n();
  const canManage = establishment.role === 'owner' || establishment.role === 'manager';
  return (
    <main className="page page--narrow">
      <h1>{t('set.title')}</h1>
      <EstablishmentSettings establishment={establishment} canManage={canManage} />
      <TillSettings establishment={establishment} />
      <SupplierCatalogue establishment={establishment} />
      <Members establishment={establishment} canManage={canManage} />
    </main>
  );
}

function EstablishmentSettings({
  establishment,
  canManage,
}: {
  establishment: Establishment;
  canManage: boolean;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<EstablishmentValues>({
    name: establishment.name,
    timeZone: establishment.timeZone,
    dayCutoffHour: String(establishment.dayCutoffHour),
  });
  const [errors, setErrors] = useState<EstablishmentErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const update = useUpdateEstablishment(establishment.id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateEstablishment(values, t);
    setErrors(found);
    setError(null);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    try {
      await update.mutateAsync({
        name: values.name.trim(),
        timeZone: values.timeZone,
        dayCutoffHour: Number(values.dayCutoffHour),
      });
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      else setError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="set-est">
      <h2 id="set-est">{t('set.establishment')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {!canManage && <p className="muted">{t('set.readOnly')}</p>}
        <ErrorBanner error={error} />
        {saved && <Notice>{t('set.saved')}</Notice>}
        <EstablishmentFields values={values} errors={errors} onChange={setValues} disabled={!canManage} />
        {canManage && (
          <SubmitButton
            pending={update.isPending}
            label={t('common.save')}
            pendingLabel={t('common.saving')}
          />
        )}
      </form>
    </section>
  );
}

function Members({ establishment, canManage }: { establishment: Establishment; canManage: boolean }) {
  const { t, date } = useI18n();
  const eid = establishment.id;
  const members = useMembers(eid);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inviting = useInvite(eid);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    const target = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(target)) {
      setErrors({ email: t('auth.emailInvalid') });
      return;
    }
    setErrors({});
    try {
      await inviting.mutateAsync({ email: target, role });
      setNotice(t('set.invited', { email: target }));
      setEmail('');
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      else setError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="set-members">
      <h2 id="set-members">{t('set.members')}</h2>
      <QueryState query={members}>
        {(data) => (
          <>
            <ul className="member-list">
              {data.members.map((m) => (
                <li key={m.accountId}>
                  <span>
                    <strong>{m.displayName ?? m.email}</strong>
                    {m.displayName && <span className="muted"> · {m.email}</span>}
                  </span>
                  {establishment.role === 'owner' ? (
                    <span className="muted">
                      <MemberRole eid={eid} member={m} />
                      {t('set.col.since')} {date(m.since)}
                    </span>
                  ) : (
                    <span className="muted">
                      {t(`role.${m.role}`)} · {t('set.col.since')} {date(m.since)}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            {data.invitations.length > 0 && (
              <>
                <h3>{t('set.invitations')}</h3>
                <ul className="member-list">
                  {data.invitations.map((i) => (
                    <li key={i.id}>
                      <span>{i.email}</span>
                      <span className="muted">
                        {t(`role.${i.role}`)} · {t('set.col.invitedOn')} {date(i.createdAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </QueryState>
      {canManage && (
        <form onSubmit={(e) => void invite(e)} noValidate className="invite-form">
          <h3>{t('set.invite')}</h3>
          <ErrorBanner error={error} />
          {notice && <Notice>{notice}</Notice>}
          <div className="form-row form-row--end">
            <Field label={t('auth.email')} error={errors.email}>
              {(p) => (
                <input
                  {...p}
                  type="email"
                  name="email"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('set.inviteRole')} error={errors.role}>
              {(p) => (
                <select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <SubmitButton
              pending={inviting.isPending}
              label={t('set.inviteSubmit')}
              pendingLabel={t('common.saving')}
            />
          </div>
        </form>
      )}
    </section>
  );
}
