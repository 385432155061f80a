import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client.ts';
import type { Proposal } from '../../../../src/http/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { toInput, type DrinkFormValues, type FormErrors } from '../../pages/drinkFormValues.ts';
import { AppellationInput } from '../AppellationInput.tsx';
import { TypeColourFields, VintageFields } from '../DrinkFormFields.tsx';
import { SubmitButton } from '../Feedback.tsx';
import { Field } from '../Field.tsx';
import { SizeSelect } from '../SizeSelect.tsx';
import { prefill } from './prefill.ts';

type NewDrink = NonNullable<ReturnType<typeof toInput>['input']>;

type Props = {
  proposal: Proposal;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (drink: NewDrink) => Promise<ApiError | null>;
};

/** Non: the drink typed by hand, prefilled from what the label says and the closest candidates. */
export function NonForm({ proposal, pending, onCancel, onSubmit }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState<DrinkFormValues>(() => prefill(proposal));
  const [errors, setErrors] = useState<FormErrors>({});
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = <K extends keyof DrinkFormValues>(key: K, value: DrinkFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = toInput(values, t);
    setErrors(found);
    if (!input) return;
    const err = await onSubmit(input);
    if (err && err.fields.length > 0) setErrors(err.fieldMap());
  };

  const text = (key: 'producer' | 'cuvee' | 'region', label: string) => (
    <Field label={label} error={errors[key]}>
      {(p) => (
        <input
          {...p}
          name={key}
          maxLength={200}
          value={values[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="non-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('sync.nonTitle')}>
      <h3>{t('sync.nonTitle')}</h3>
      {proposal.answer.identityText && (
        <p className="muted">{t('sync.nonLead', { text: proposal.answer.identityText })}</p>
      )}
      <TypeColourFields values={values} errors={errors} set={set} typeRef={first} />
      {text('producer', t('form.producer'))}
      {text('cuvee', t('form.cuvee'))}
      <Field label={t('form.appellation')} error={errors.appellation ?? errors.appellationId}>
        {(p) => (
          <AppellationInput
            {...p}
            value={values.appellation}
            onText={(v) => setValues((s) => ({ ...s, appellation: v, appellationId: null }))}
            onChoose={(a) =>
              setValues((s) => ({
                ...s,
                appellation: a.name,
                appellationId: a.id,
                region: a.wineRegion ?? s.region,
                country: 'France',
              }))
            }
          />
        )}
      </Field>
      <div className="form-row form-row--end">
        <VintageFields values={values} errors={errors} set={set} />
        <Field label={t('form.format')} error={errors.formatCl}>
          {(p) => (
            <SizeSelect
              {...p}
              value={values.format}
              onChange={(v) => set('format', v)}
              other={{ kind: 'typed', text: values.formatCustom }}
            />
          )}
        </Field>
      </div>
      <div className="panel__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.back')}
        </button>
        <SubmitButton pending={pending} label={t('sync.nonSubmit')} pendingLabel={t('common.saving')} />
      </div>
    </form>
  );
}
