import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useDrink, useSaveDrink } from '../api/queries.ts';
import type { Colour } from '../../../src/domain/drink.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { AppellationInput } from '../components/AppellationInput.tsx';
import { ErrorBanner, Loading, SubmitButton } from '../components/Feedback.tsx';
import { TypeColourFields, VintageFields } from '../components/DrinkFormFields.tsx';
import { Field } from '../components/Field.tsx';
import { OnHandField, readOnHand } from '../components/OnHandField.tsx';
import { SizeSelect } from '../components/SizeSelect.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, paths } from '../router.tsx';
import {
  EMPTY_DRINK,
  OTHER_FORMAT,
  toInput,
  valuesFromDrink,
  type DrinkFormValues,
  type FormErrors,
  type FormField,
} from './drinkFormValues.ts';

/** The error key a form value reports under, when it differs from the value's name. */
const FIELD_OF: Partial<Record<keyof DrinkFormValues, FormField>> = {
  format: 'formatCl',
  formatCustom: 'formatCl',
  nonVintage: 'vintage',
  cuvee: 'producer',
};

/** Create (no drinkId) or edit a drink. */
export function DrinkFormPage({
  establishment,
  drinkId,
}: {
  establishment: Establishment;
  drinkId?: string;
}) {
  const { t } = useI18n();
  const eid = establishment.id;
  const [values, setValues] = useState<DrinkFormValues | undefined>(drinkId ? undefined : EMPTY_DRINK);
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const save = useSaveDrink(eid);
  const [onHand, setOnHand] = useState('');
  const [onHandError, setOnHandError] = useState<string | undefined>(undefined);

  const stored = useDrink(eid, drinkId ?? '', drinkId !== undefined);
  // The drink fills the form once; a later refetch leaves what the user typed alone.
  if (!values && stored.data) setValues(valuesFromDrink(stored.data));

  const backTo = drinkId ? paths.drink(eid, drinkId) : paths.drinks(eid);
  const title = drinkId ? t('form.editTitle') : t('form.createTitle');
  if (!values)
    return (
      <main className="page page--narrow">
        <h1>{title}</h1>
        {stored.isError ? (
          <ErrorBanner error={stored.error} onRetry={() => void stored.refetch()} />
        ) : (
          <Loading />
        )}
      </main>
    );

  const set = <K extends keyof DrinkFormValues>(key: K, value: DrinkFormValues[K]) => {
    setValues((v) => (v ? { ...v, [key]: value } : v));
    const field = FIELD_OF[key] ?? key;
    if (field in errors) setErrors(({ [field as FormField]: _gone, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const { input, errors: found } = toInput(values, t);
    setErrors(found);
    const bottles = drinkId ? { value: undefined } : readOnHand(onHand, t);
    setOnHandError('error' in bottles ? bottles.error : undefined);
    if (!input || 'error' in bottles) {
      focusFirstInvalid();
      return;
    }
    try {
      const saved = await save.mutateAsync(
        drinkId ? { drinkId, input } : { input: { ...input, onHand: bottles.value } },
      );
      navigate(paths.drink(eid, saved.id), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        setErrors(err.fieldMap());
        focusFirstInvalid();
      } else setError(err);
    }
  };

  const textField = (
    key: 'producer' | 'cuvee' | 'region' | 'country' | 'location',
    label: string,
    max: number,
  ) => (
    <Field label={label} error={errors[key]}>
      {(p) => (
        <input
          {...p}
          name={key}
          maxLength={max}
          value={values[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <main className="page page--narrow">
      <Link to={backTo} className="back">
        ‹ {t('common.back')}
      </Link>
      <h1>{title}</h1>
      <form className="drink-form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorBanner error={error} />
        {Object.keys(errors).length > 0 && (
          <p className="banner banner--error" role="alert">
            {t('form.errorsSummary')}
          </p>
        )}
        <fieldset className="card">
          <legend>{t('form.identity')}</legend>
          <TypeColourFields values={values} errors={errors} set={set} />
          {textField('producer', t('form.producer'), 200)}
          {textField('cuvee', t('form.cuvee'), 200)}
          <Field
            label={t('form.appellation')}
            error={errors.appellation ?? errors.appellationId}
            hint={
              values.appellationId
                ? t('form.appellationChosen', { name: values.appellation })
                : t('form.appellationHint')
            }
          >
            {(p) => (
              <AppellationInput
                {...p}
                value={values.appellation}
                onText={(text) =>
                  setValues((v) => (v ? { ...v, appellation: text, appellationId: null } : v))
                }
                onChoose={(a) =>
                  setValues((v) =>
                    v
                      ? {
                          ...v,
                          appellation: a.name,
                          appellationId: a.id,
                          region: a.wineRegion ?? v.region,
                          country: 'France',
                          colour:
                            v.colour === '' && a.colours.length === 1 ? toColour(a.colours[0]) : v.colour,
                        }
                      : v,
                  )
                }
              />
            )}
          </Field>
          <div className="form-row">
            {textField('region', t('form.region'), 100)}
            {textField('country', t('form.country'), 100)}
          </div>
          <Field label={t('form.grapes')} error={errors.grapes} hint={t('form.grapesHint')}>
            {(p) => (
              <input
                {...p}
                name="grapes"
                value={values.grapes}
                onChange={(e) => set('grapes', e.target.value)}
              />
            )}
          </Field>
        </fieldset>

        <fieldset className="card">
          <legend>{t('form.bottle')}</legend>
          <div className="form-row form-row--end">
            <VintageFields values={values} errors={errors} set={set} />
          </div>
          <div className="form-row">
            <Field
              label={t('form.format')}
              error={values.format === OTHER_FORMAT ? undefined : errors.formatCl}
            >
              {(p) => (
                <SizeSelect
                  {...p}
                  value={values.format}
                  onChange={(v) => set('format', v)}
                  other={{ kind: 'choice' }}
                />
              )}
            </Field>
            {values.format === OTHER_FORMAT && (
              <Field label={t('form.formatCustom')} error={errors.formatCl}>
                {(p) => (
                  <input
                    {...p}
                    name="formatCl"
                    inputMode="decimal"
                    value={values.formatCustom}
                    onChange={(e) => set('formatCustom', e.target.value)}
                  />
                )}
              </Field>
            )}
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('form.pricesStock')}</legend>
          <div className="form-row">
            <Field label={t('form.purchasePrice')} error={errors.purchasePrice} hint={t('form.priceHint')}>
              {(p) => (
                <input
                  {...p}
                  name="purchasePrice"
                  inputMode="decimal"
                  value={values.purchasePrice}
                  onChange={(e) => set('purchasePrice', e.target.value)}
                />
              )}
            </Field>
            <Field label={t('form.salePrice')} error={errors.salePrice}>
              {(p) => (
                <input
                  {...p}
                  name="salePrice"
                  inputMode="decimal"
                  value={values.salePrice}
                  onChange={(e) => set('salePrice', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="form-row">
            {textField('location', t('form.location'), 100)}
            <Field label={t('form.minStock')} error={errors.minStock}>
              {(p) => (
                <input
                  {...p}
                  name="minStock"
                  inputMode="decimal"
                  value={values.minStock}
                  onChange={(e) => set('minStock', e.target.value)}
                />
              )}
            </Field>
          </div>
          {!drinkId && (
            <OnHandField
              value={onHand}
              error={onHandError}
              onChange={(v) => {
                setOnHand(v);
                setOnHandError(undefined);
              }}
            />
          )}
        </fieldset>

        <div className="form-actions">
          <Link to={backTo} className="btn btn--ghost">
            {t('common.cancel')}
          </Link>
          <SubmitButton
            pending={save.isPending}
            label={drinkId ? t('form.submitEdit') : t('form.submitCreate')}
            pendingLabel={t('common.saving')}
          />
        </div>
      </form>
    </main>
  );
}

function toColour(c: string | undefined): Colour | '' {
  return c === 'rouge' || c === 'blanc' || c === 'rosé' ? c : '';
}

function focusFirstInvalid() {
  window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
