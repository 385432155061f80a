import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LibraryEntry } from '../../../../src/http/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SubmitButton } from '../Feedback.tsx';
import { Field } from '../Field.tsx';
import { SizeSelect } from '../SizeSelect.tsx';
import { entryTitle } from './entry.ts';

type Props = {
  entry: LibraryEntry;
  vintage: number | null;
  formatCl: number;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (vintage: number | null, formatCl: number) => void;
};

/** Presque: the right wine at another vintage or size. */
export function PresqueForm({ entry, vintage, formatCl, pending, onCancel, onSubmit }: Props) {
  const { t } = useI18n();
  const [year, setYear] = useState(vintage === null ? '' : String(vintage));
  const [nonVintage, setNonVintage] = useState(vintage === null);
  const [format, setFormat] = useState(String(formatCl));
  const [error, setError] = useState<string | undefined>(undefined);
  const yearInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    yearInput.current?.focus();
    yearInput.current?.select();
  }, []);
  const max = new Date().getFullYear() + 1;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let v: number | null = null;
    if (!nonVintage) {
      const y = Number(year.trim());
      if (!/^\d{4}$/.test(year.trim()) || y < 1800 || y > max) {
        setError(t('form.err.vintage', { max: String(max) }));
        return;
      }
      v = y;
    }
    onSubmit(v, Number(format));
  };
  return (
    <form className="presque" onSubmit={submit} noValidate aria-label={t('sync.presqueTitle')}>
      <h3>{t('sync.presqueTitle')}</h3>
      <p className="muted">{t('sync.presqueLead', { name: entryTitle(entry) })}</p>
      <div className="form-row form-row--end">
        <Field label={t('form.vintage')} error={error}>
          {(p) => (
            <input
              {...p}
              ref={yearInput}
              name="vintage"
              inputMode="numeric"
              maxLength={4}
              disabled={nonVintage}
              value={nonVintage ? '' : year}
              list="presque-vintages"
              onChange={(e) => {
                setYear(e.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <datalist id="presque-vintages">
          {entry.vintages.slice(-15).map((y) => (
            <option key={y} value={y} />
          ))}
        </datalist>
        <label className="check">
          <input type="checkbox" checked={nonVintage} onChange={(e) => setNonVintage(e.target.checked)} />
          {t('form.nonVintage')}
        </label>
        <Field label={t('form.format')}>
          {(p) => (
            <SizeSelect {...p} value={format} onChange={setFormat} extra={[...entry.formatsCl, formatCl]} />
          )}
        </Field>
      </div>
      <div className="panel__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.back')}
        </button>
        <SubmitButton pending={pending} label={t('sync.presqueSubmit')} pendingLabel={t('common.saving')} />
      </div>
    </form>
  );
}
