import type { Translate } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './Field.tsx';
import { hasDecimals, parseDecimal } from './format.ts';

/** Reads "Combien en cave aujourd'hui ?": empty is 0 bottles; a number or a French error. */
export function readOnHand(text: string, t: Translate): { value: number } | { error: string } {
  if (text.trim() === '') return { value: 0 };
  const v = parseDecimal(text);
  if (Number.isNaN(v)) return { error: t('onHand.err.number') };
  if (v < 0) return { error: t('onHand.err.negative') };
  if (v > 100_000 || !hasDecimals(v, 3)) return { error: t('onHand.err.invalid') };
  return { value: v };
}

type Props = { value: string; error: string | undefined; onChange: (v: string) => void };

/** The bottles on hand when a drink is created: its first count, the base its stock starts from. */
export function OnHandField({ value, error, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Field label={t('onHand.label')} error={error} hint={t('onHand.hint')} className="on-hand-field">
      {(p) => (
        <input
          {...p}
          name="onHand"
          inputMode="decimal"
          placeholder="0"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
