import { useI18n } from '../../i18n/i18n.tsx';
import { Field } from '../Field.tsx';
import { factorText } from '../tillFormat.ts';

type Props = {
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
  pourCl: number;
  bottleCl: number;
  factor: number;
};

/** How many bottles one sale takes, with the pour it was guessed from. */
export function FactorField({ value, error, onChange, pourCl, bottleCl, factor }: Props) {
  const { t, num } = useI18n();
  const explain =
    Number.isNaN(factor) || pourCl >= bottleCl
      ? t('sync.factorWhole')
      : t('sync.factorExplain', {
          pour: num(pourCl),
          format: num(bottleCl),
          fraction: factorText(pourCl / bottleCl, num),
        });
  return (
    <Field label={t('sync.factor')} error={error} hint={explain} className="factor-field">
      {(p) => (
        <input
          {...p}
          name="factor"
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
