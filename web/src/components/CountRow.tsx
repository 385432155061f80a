import { useState, type FormEvent } from 'react';
import { useSetCountLine } from '../api/countQueries.ts';
import type { CountSheetDrink } from '../api/counts.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { countedQuantity, splitQuantity } from './countQuantity.ts';
import { drinkTitle, formatCl } from './format.ts';

type Status = { kind: 'saved' | 'replaced' | 'error'; text: string } | null;

/** One drink on a counter's phone: whole bottles (or "6x6" for cases), tenths of the opened one, saved on Enter. */
export function CountRow({
  eid,
  sessionId,
  drink,
  location,
  editable,
}: {
  eid: string;
  sessionId: string;
  drink: CountSheetDrink;
  location: string;
  editable: boolean;
}) {
  const { t, num } = useI18n();
  const mine = drink.lines.find((l) => l.location === location);
  const initial = mine ? splitQuantity(mine.quantity) : { bottles: '', tenths: 0 };
  const [bottles, setBottles] = useState(initial.bottles);
  const [tenths, setTenths] = useState(initial.tenths);
  const [status, setStatus] = useState<Status>(null);
  const setLine = useSetCountLine(eid, sessionId);
  const name = `${drinkTitle(drink, t('drinks.unnamed'))} ${drink.vintage ?? t('drinks.nv')}`;
  const meta = [drink.appellation, formatCl(drink.formatCl, num), drink.location].filter(Boolean).join(' · ');
  const others = drink.lines.filter((l) => l.location !== location);
  const preview = countedQuantity(bottles, tenths);

  const addCase = (size: number) => {
    const base = bottles.trim() === '' ? '' : `${bottles} + `;
    setBottles(`${base}1x${size}`);
    setStatus(null);
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const quantity = countedQuantity(bottles, tenths);
    if (Number.isNaN(quantity) || quantity < 0) {
      setStatus({ kind: 'error', text: t('count.err.quantity') });
      return;
    }
    try {
      const r = await setLine.mutateAsync({ drinkId: drink.id, location, quantity });
      const q = splitQuantity(quantity);
      setBottles(q.bottles);
      setTenths(q.tenths);
      setStatus(
        r.replaced?.byOther
          ? { kind: 'replaced', text: t('count.replaced', { q: num(r.replaced.quantity) }) }
          : { kind: 'saved', text: t('count.saved', { q: num(quantity) }) },
      );
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <li className={`count-row count-row--session${status?.kind === 'error' ? ' count-row--invalid' : ''}`}>
      <div className="count-row__text">
        <span className="count-row__name">{name}</span>
        <span className="count-row__meta">{meta}</span>
        {others.map((l) => (
          <span key={l.location} className="count-row__meta">
            {t('count.elsewhere', { location: l.location, q: num(l.quantity), by: l.countedBy ?? '—' })}
          </span>
        ))}
        {drink.expected !== null && (
          <span className="count-row__meta">{t('count.expected', { q: num(drink.expected) })}</span>
        )}
        {status && (
          <span
            className={`count-row__status count-row__status--${status.kind}`}
            role={status.kind === 'error' ? 'alert' : 'status'}
          >
            {status.text}
          </span>
        )}
      </div>
      {editable ? (
        <form className="count-row__form" onSubmit={(e) => void save(e)} noValidate>
          <input
            className="count-row__input"
            inputMode="text"
            autoComplete="off"
            aria-label={t('count.bottlesFor', { name })}
            placeholder={t('count.bottles')}
            value={bottles}
            enterKeyHint="done"
            onChange={(e) => {
              setBottles(e.target.value);
              setStatus(null);
            }}
          />
          <select
            className="count-row__tenths"
            aria-label={t('count.tenthsFor', { name })}
            value={tenths}
            onChange={(e) => setTenths(Number(e.target.value))}
          >
            {Array.from({ length: 10 }, (_, i) => (
              <option key={i} value={i}>
                {i === 0 ? t('count.noTenths') : `+ ${i}/10`}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn--small"
            aria-label={t('count.caseFor', { name })}
            onClick={() => addCase(6)}
          >
            {t('count.case6')}
          </button>
          <button type="submit" className="btn btn--small btn--primary" disabled={setLine.isPending}>
            {t('count.ok')}
          </button>
          {bottles.includes('x') && !Number.isNaN(preview) && (
            <span className="count-row__meta">= {num(preview)}</span>
          )}
        </form>
      ) : (
        <span className="count-row__value">{mine ? num(mine.quantity) : '—'}</span>
      )}
    </li>
  );
}
