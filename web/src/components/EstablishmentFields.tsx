import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './Field.tsx';

export type EstablishmentValues = { name: string; timeZone: string; dayCutoffHour: string };
export type EstablishmentErrors = Partial<Record<keyof EstablishmentValues, string>>;

export const DEFAULT_ESTABLISHMENT: EstablishmentValues = {
  name: '',
  timeZone: 'Europe/Paris',
  dayCutoffHour: '4',
};

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

export function validateEstablishment(
  values: EstablishmentValues,
  t: ReturnType<typeof useI18n>['t'],
): EstablishmentErrors {
  const errors: EstablishmentErrors = {};
  if (!values.name.trim()) errors.name = t('est.nameRequired');
  const hour = Number(values.dayCutoffHour);
  if (!/^\d{1,2}$/.test(values.dayCutoffHour.trim()) || hour < 0 || hour > 23)
    errors.dayCutoffHour = t('est.cutoffInvalid');
  return errors;
}

/** Name, time zone and closing hour: shared by "Créer un établissement" and Paramètres. */
export function EstablishmentFields({
  values,
  errors,
  onChange,
  disabled = false,
}: {
  values: EstablishmentValues;
  errors: EstablishmentErrors;
  onChange: (values: EstablishmentValues) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const zones = useMemo(() => timeZones(values.timeZone), [values.timeZone]);
  return (
    <>
      <Field label={t('est.name')} error={errors.name}>
        {(p) => (
          <input
            {...p}
            name="name"
            required
            maxLength={120}
            disabled={disabled}
            value={values.name}
            onChange={(e) => onChange({ ...values, name: e.target.value })}
          />
        )}
      </Field>
      <div className="form-row">
        <Field label={t('est.timeZone')} error={errors.timeZone}>
          {(p) => (
            <select
              {...p}
              name="timeZone"
              disabled={disabled}
              value={values.timeZone}
              onChange={(e) => onChange({ ...values, timeZone: e.target.value })}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('est.cutoff')} error={errors.dayCutoffHour} hint={t('est.cutoffHint')}>
          {(p) => (
            <input
              {...p}
              name="dayCutoffHour"
              type="number"
              min={0}
              max={23}
              step={1}
              inputMode="numeric"
              disabled={disabled}
              value={values.dayCutoffHour}
              onChange={(e) => onChange({ ...values, dayCutoffHour: e.target.value })}
            />
          )}
        </Field>
      </div>
    </>
  );
}
