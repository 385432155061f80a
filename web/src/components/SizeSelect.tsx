import type { ControlProps } from './Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { OTHER_FORMAT, STANDARD_FORMATS } from '../pages/drinkFormValues.ts';

type Props = ControlProps & {
  value: string;
  onChange: (value: string) => void;
  /** Sizes offered besides the standard ones (the library entry's, the label's). */
  extra?: readonly number[];
  /** How the "other size" choice shows: a choice to type one, the size typed, or none. */
  other?: { kind: 'choice' } | { kind: 'typed'; text: string } | undefined;
};

/** The one bottle-size select: standard sizes in centilitres, optionally an "other size" choice. */
export function SizeSelect({ value, onChange, extra = [], other, ...control }: Props) {
  const { t, num } = useI18n();
  const sizes = [...new Set<number>([...STANDARD_FORMATS, ...extra])].sort((a, b) => a - b);
  return (
    <select {...control} name="format" value={value} onChange={(e) => onChange(e.target.value)}>
      {sizes.map((f) => (
        <option key={f} value={String(f)}>
          {num(f)} cl
        </option>
      ))}
      {other?.kind === 'choice' && <option value={OTHER_FORMAT}>{t('form.formatOther')}</option>}
      {other?.kind === 'typed' && value === OTHER_FORMAT && (
        <option value={OTHER_FORMAT}>{other.text} cl</option>
      )}
    </select>
  );
}
