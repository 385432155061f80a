import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useCreateCountSession } from '../api/countQueries.ts';
import type { CountSession } from '../api/counts.ts';
import { DRINK_TYPES, type DrinkType } from '../../../src/domain/drink.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DateInput } from './DateInput.tsx';
import { ErrorBanner, SubmitButton } from './Feedback.tsx';
import { Field } from './Field.tsx';
import { parseDecimal } from './format.ts';

type ScopeKind = 'all' | 'location' | 'categories';

/** The local date-time input's value for now, to the minute. */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** A new inventaire: its cut-off (sales after it come off the new count), its scope, blind by default. */
export function CountSessionForm({ eid, onCreated }: { eid: string; onCreated: (s: CountSession) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [cutoff, setCutoff] = useState(localNow);
  const [kind, setKind] = useState<ScopeKind>('all');
  const [location, setLocation] = useState('');
  const [types, setTypes] = useState<DrinkType[]>([]);
  const [blind, setBlind] = useState(true);
  const [threshold, setThreshold] = useState('20');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const create = useCreateCountSession(eid);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const next: Record<string, string> = {};
    const at = new Date(cutoff);
    if (!cutoff || Number.isNaN(at.getTime())) next.cutoffAt = t('count.err.cutoff');
    const euros = parseDecimal(threshold);
    if (Number.isNaN(euros) || euros < 0) next.reasonThreshold = t('count.err.threshold');
    if (kind === 'location' && !location.trim()) next.scope = t('count.err.location');
    if (kind === 'categories' && types.length === 0) next.scope = t('count.err.types');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    try {
      const scope =
        kind === 'all'
          ? { kind }
          : kind === 'location'
            ? { kind, location: location.trim() }
            : { kind, types };
      const s = await create.mutateAsync({
        ...(name.trim() ? { name: name.trim() } : {}),
        cutoffAt: at.toISOString(),
        scope,
        blind,
        reasonThreshold: euros,
      });
      onCreated(s);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      else setError(err);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="count-new-title">
      <h2 id="count-new-title">{t('count.new')}</h2>
      <ErrorBanner error={error} />
      <Field label={t('count.name')} hint={t('count.nameHint')} error={errors.name}>
        {(p) => <input {...p} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('count.cutoffLabel')} hint={t('count.cutoffHint')} error={errors.cutoffAt}>
        {(p) => <DateInput {...p} withTime value={cutoff} onChange={setCutoff} />}
      </Field>
      <fieldset className="segmented">
        <legend>{t('count.scope')}</legend>
        {(['all', 'location', 'categories'] as const).map((k) => (
          <label key={k} className={kind === k ? 'segmented__item segmented__item--on' : 'segmented__item'}>
            <input type="radio" name="scope" checked={kind === k} onChange={() => setKind(k)} />
            {t(`count.scope.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'location' && (
        <Field label={t('count.scopeLocation')} error={errors.scope}>
          {(p) => (
            <input {...p} value={location} maxLength={80} onChange={(e) => setLocation(e.target.value)} />
          )}
        </Field>
      )}
      {kind === 'categories' && (
        <fieldset className="count-types">
          <legend>{t('count.scopeTypes')}</legend>
          {errors.scope && <p className="field__error">{errors.scope}</p>}
          {DRINK_TYPES.map((ty) => (
            <label key={ty} className="checkbox">
              <input
                type="checkbox"
                checked={types.includes(ty)}
                onChange={(e) =>
                  setTypes((prev) => (e.target.checked ? [...prev, ty] : prev.filter((x) => x !== ty)))
                }
              />
              {t(`type.${ty}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
        {t('count.blindLabel')}
      </label>
      <Field label={t('count.threshold')} hint={t('count.thresholdHint')} error={errors.reasonThreshold}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
          />
        )}
      </Field>
      <SubmitButton pending={create.isPending} label={t('count.create')} pendingLabel={t('common.saving')} />
    </form>
  );
}
