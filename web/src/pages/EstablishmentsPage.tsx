import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useCreateDemo, useCreateEstablishment } from '../api/accountQueries.ts';
import {
  DEFAULT_ESTABLISHMENT,
  EstablishmentFields,
  validateEstablishment,
  type EstablishmentErrors,
} from '../components/EstablishmentFields.tsx';
import { ErrorBanner, SubmitButton } from '../components/Feedback.tsx';
import { TaskProgress } from '../components/TaskProgress.tsx';
import type { Task } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, paths } from '../router.tsx';
import { useSession } from '../session.tsx';

/** The establishment chooser, and "Créer un établissement". */
export function EstablishmentsPage() {
  const { t } = useI18n();
  const { establishments = [], rememberEstablishment } = useSession();
  const [values, setValues] = useState(DEFAULT_ESTABLISHMENT);
  const [errors, setErrors] = useState<EstablishmentErrors>({});
  const [error, setError] = useState<unknown>(null);
  const create = useCreateEstablishment();

  const open = (eid: string) => {
    rememberEstablishment(eid);
    navigate(paths.drinks(eid));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateEstablishment(values, t);
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        timeZone: values.timeZone,
        dayCutoffHour: Number(values.dayCutoffHour),
      });
      open(created.id);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      setError(err);
    }
  };

  const [demoTask, setDemoTask] = useState<Task | null>(null);
  const demo = useCreateDemo(setDemoTask);
  const demoPending = demo.isPending;
  const startDemo = () => {
    setError(null);
    demo.mutate(undefined, { onSuccess: open, onError: setError });
  };

  return (
    <main className="page page--narrow">
      <h1>{t('est.title')}</h1>
      {!establishments.some((e) => e.isDemo) && (
        <section className="card" aria-labelledby="demo-est">
          <h2 id="demo-est">{t('est.demoOffer.title')}</h2>
          <p className="muted">{t('est.demoOffer.text')}</p>
          <button type="button" className="btn btn--primary" disabled={demoPending} onClick={startDemo}>
            {demoPending ? t('est.demoOffer.pending') : t('est.demoOffer.submit')}
          </button>
          {demoPending && demoTask && <TaskProgress task={demoTask} />}
        </section>
      )}
      {establishments.length === 0 ? (
        <p className="muted">{t('est.empty')}</p>
      ) : (
        <ul className="est-list">
          {establishments.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className="est-list__item"
                onClick={() => open(e.id)}
                aria-label={t('est.open', { name: e.name })}
              >
                <span className="est-list__name">{e.name}</span>
                <span className="est-list__meta">
                  {t(`role.${e.role}`)}
                  {e.isDemo && <span className="badge">{t('est.demo')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="create-est">
        <h2 id="create-est">{t('est.create.title')}</h2>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ErrorBanner error={error} />
          <EstablishmentFields values={values} errors={errors} onChange={setValues} />
          <SubmitButton
            pending={create.isPending}
            label={t('est.create.submit')}
            pendingLabel={t('est.create.pending')}
          />
        </form>
      </section>
    </main>
  );
}
