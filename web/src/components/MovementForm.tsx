import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useRecordMovement } from '../api/queries.ts';
import { MOVEMENT_KINDS, type MovementKind } from '../../../src/domain/stock.ts';
import type { Drink } from '../../../src/http/contract.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { DateInput } from './DateInput.tsx';
import { ErrorBanner, Notice, SubmitButton } from './Feedback.tsx';
import { Field } from './Field.tsx';
import { hasDecimals, parseDecimal } from './format.ts';

type Errors = Partial<Record<'quantity' | 'occurredAt' | 'note' | 'unitPrice' | 'supplier', string>>;

export function checkQuantity(kind: MovementKind, text: string, t: Translate): string | undefined {
  const q = parseDecimal(text);
  if (Number.isNaN(q)) return t('mv.err.number');
  if (!hasDecimals(q, 3)) return t('mv.err.decimals');
  if ((kind === 'receipt' || kind === 'loss') && q <= 0) return t('mv.err.positive');
  if (kind === 'adjustment' && q === 0) return t('mv.err.nonZero');
  if (kind === 'count' && q < 0) return t('mv.err.notNegative');
  return undefined;
}

/** Entrée, perte/casse, ajustement or inventaire of one drink. */
export function MovementForm({ eid, drink }: { eid: string; drink: Drink }) {
  const { t, num } = useI18n();
  const [kind, setKind] = useState<MovementKind>('receipt');
  const [quantity, setQuantity] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [note, setNote] = useState('');
  const [unitPrice, setUnitPrice] = useState('');
  const [supplier, setSupplier] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const record = useRecordMovement(eid, drink.id);

  const receipt = kind === 'receipt';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setError(null);
    const quantityError = checkQuantity(kind, quantity, t);
    const price = receipt && unitPrice.trim() !== '' ? parseDecimal(unitPrice) : null;
    const priceError =
      price !== null && (Number.isNaN(price) || price < 0 || !hasDecimals(price, 2))
        ? t('mv.err.price')
        : undefined;
    const dateError =
      occurredAt && Number.isNaN(new Date(occurredAt).getTime()) ? t('mv.err.date') : undefined;
    const next: Errors = {};
    if (quantityError) next.quantity = quantityError;
    if (priceError) next.unitPrice = priceError;
    if (dateError) next.occurredAt = dateError;
    setErrors(next);
    if (quantityError || priceError || dateError) return;
    try {
      const updated = await record.mutateAsync({
        kind,
        quantity: parseDecimal(quantity),
        ...(occurredAt ? { occurredAt: new Date(occurredAt).toISOString() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(price !== null ? { unitPrice: price } : {}),
        ...(receipt && supplier.trim() ? { supplier: supplier.trim() } : {}),
      });
      setQuantity('');
      setNote('');
      setUnitPrice('');
      setSaved(t('mv.saved', { stock: num(updated.stock) }));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      else setError(err);
    }
  };

  return (
    <form
      className="card movement-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="mv-title"
    >
      <h2 id="mv-title">{t('mv.title')}</h2>
      <ErrorBanner error={error} />
      {saved && <Notice>{saved}</Notice>}
      <fieldset className="segmented">
        <legend>{t('mv.kind')}</legend>
        {MOVEMENT_KINDS.map((k) => (
          <label key={k} className={kind === k ? 'segmented__item segmented__item--on' : 'segmented__item'}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`mv.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <Field label={t('mv.quantity')} error={errors.quantity} hint={t(`mv.hint.${kind}`)}>
          {(p) => (
            <input
              {...p}
              name="quantity"
              inputMode={kind === 'adjustment' ? 'text' : 'decimal'}
              autoComplete="off"
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('mv.date')} error={errors.occurredAt} hint={t('mv.dateHint')}>
          {(p) => <DateInput {...p} name="occurredAt" withTime value={occurredAt} onChange={setOccurredAt} />}
        </Field>
      </div>
      {receipt && (
        <div className="form-row">
          <Field label={t('mv.unitPrice')} error={errors.unitPrice} hint={t('mv.unitPriceHint')}>
            {(p) => (
              <input
                {...p}
                name="unitPrice"
                inputMode="decimal"
                autoComplete="off"
                value={unitPrice}
                onChange={(e) => setUnitPrice(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('mv.supplier')} error={errors.supplier}>
            {(p) => (
              <input
                {...p}
                name="supplier"
                maxLength={200}
                value={supplier}
                onChange={(e) => setSupplier(e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <Field label={t('mv.note')} error={errors.note}>
        {(p) => (
          <input {...p} name="note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <SubmitButton pending={record.isPending} label={t('mv.submit')} pendingLabel={t('common.saving')} />
    </form>
  );
}
