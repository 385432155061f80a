import type { Ref } from 'react';
import { type Colour, COLOURS, DRINK_TYPES, type DrinkType } from '../../../src/domain/drink.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { DrinkFormValues, FormErrors } from '../pages/drinkFormValues.ts';
import { Field } from './Field.tsx';

type SetValue = <K extends keyof DrinkFormValues>(key: K, value: DrinkFormValues[K]) => void;
type Props = { values: DrinkFormValues; errors: FormErrors; set: SetValue };

/** Type and colour, as the drink form and the "Non" form both ask them. */
export function TypeColourFields({
  values,
  errors,
  set,
  typeRef,
}: Props & { typeRef?: Ref<HTMLSelectElement> }) {
  const { t } = useI18n();
  return (
    <div className="form-row">
      <Field label={t('form.type')} error={errors.type}>
        {(p) => (
          <select
            {...p}
            ref={typeRef}
            name="type"
            value={values.type}
            onChange={(e) => set('type', e.target.value as DrinkType)}
          >
            {DRINK_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`type.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('form.colour')} error={errors.colour}>
        {(p) => (
          <select
            {...p}
            name="colour"
            value={values.colour}
            onChange={(e) => set('colour', e.target.value as Colour | '')}
          >
            <option value="">{t('form.noColour')}</option>
            {COLOURS.map((c) => (
              <option key={c} value={c}>
                {t(`colour.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** Vintage, or "Non millésimé" which empties and locks it. */
export function VintageFields({ values, errors, set }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('form.vintage')} error={errors.vintage}>
        {(p) => (
          <input
            {...p}
            name="vintage"
            inputMode="numeric"
            maxLength={4}
            disabled={values.nonVintage}
            value={values.nonVintage ? '' : values.vintage}
            onChange={(e) => set('vintage', e.target.value)}
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={values.nonVintage}
          onChange={(e) => set('nonVintage', e.target.checked)}
        />
        {t('form.nonVintage')}
      </label>
    </>
  );
}
