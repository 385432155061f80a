import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { establishmentApi } from '../api/endpoints.ts';
import {
  DEFAULT_ESTABLISHMENT,
  EstablishmentFields,
  validateEstablishment,
  type EstablishmentErrors,
} from '../components/EstablishmentFields.tsx';
import { ErrorBanner, SubmitButton } from '../components/Feedback.tsx';
import { followTask, TaskProgress } from '../components/TaskProgress.tsx';
import type { Task } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, paths } from '../router.tsx';
import { useSession } from '../session.tsx';

/** The establishment chooser, and "Créer un établissement". */
export function EstablishmentsPage() {
  const { t } = useI18n();
  const { establishments = [], reloadEstablishments, rememberEstablishment } = useSession();
  const [values, setValues] = useState(DEFAULT_ESTABLISHMENT);
  const [errors, setErrors] = useState<EstablishmentErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

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
    setPending(true);
    try {
      const created = await establishmentApi.create({
        name: values.name.trim(),
        timeZone: values.timeZone,
        dayCutoffHour: Number(values.dayCutoffHour),
      });
      await reloadEstablishments();
      open(created.id);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      setError(err);
      setPending(false);
    }
  };

  const [demoPending, setDemoPending] = useState(false);
  const [demoTask, setDemoTask] = useState<Task | null>(null);
  const startDemo = async () => {
    setDemoPending(true);
    setError(null);
    try {
      const { taskId } = await establishmentApi.createDemo();
      const done = await followTask(taskId, setDemoTask);
      if (done.state === 'failed' || !done.establishmentId) throw new Error(done.error ?? done.stateLabel);
      await reloadEstablishments();
      open(done.establishmentId);
    } catch (err) {
      setError(err);
      setDemoPending(false);
    }
  };

  return (
    <main className="page page--narrow">
      <h1>{t('est.title')}</h1>
      {!establishments.some((e) => e.isDemo) && (
        <section className="card" aria-labelledby="demo-est">
          <h2 id="demo-est">{t('est.demoOffer.title')}</h2>
          <p className="muted">{t('est.demoOffer.text')}</p>
          <button
            type="button"
            className="btn btn--primary"
            disabled={demoPending}
            onClick={() => void startDemo()}
          >
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
            pending={pending}
            label={t('est.create.submit')}
            pendingLabel={t('est.create.pending')}
          />
        </form>
      </section>
    </main>
  );
}
