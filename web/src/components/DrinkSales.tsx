import { useId, useState, type FormEvent } from 'react';
import { useDrinkSales, useSetFactor, useUnlink } from '../api/queries.ts';
import type { TillLink } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';
import { DateInput } from './DateInput.tsx';
import { ErrorBanner, Loading, Notice } from './Feedback.tsx';
import { bottlesText } from './format.ts';
import { GoldenTillIcon } from './TillIcons.tsx';
import { TillSource } from './TillSource.tsx';
import { euros, factorText, parseFactor } from './tillFormat.ts';

/** The drink's Ventes tab: the till's sales by day over a period, and the golden till button for its links. */
export function DrinkSales({ eid, drinkId }: { eid: string; drinkId: string }) {
  const { t, num, money, date, locale } = useI18n();
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = useDrinkSales(eid, drinkId, period);
  const sales = query.data;
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The first answer fills the period's dates (the server's default period).
  const [seeded, setSeeded] = useState(false);
  if (sales && !seeded) {
    setSeeded(true);
    setFrom((f) => f || sales.from);
    setTo((v) => v || sales.to);
  }

  const reload = () => void query.refetch();
  const day = (d: string) => date(`${d}T12:00:00`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };

  if (!sales) return query.isError ? <ErrorBanner error={query.error} onRetry={reload} /> : <Loading />;
  const tillOf = new Map(sales.links.map((l) => [l.tillProductId, l]));
  const days = [...sales.days].sort((a, b) => b.day.localeCompare(a.day) || a.label.localeCompare(b.label));
  return (
    <div className="sales">
      <div className="sales__head">
        <GoldenTill
          links={sales.links}
          totals={[
            t('sales.periodLabel', { from: day(sales.from), to: day(sales.to) }),
            t('sales.units', { n: num(sales.totals.quantity) }),
            t('sales.tipRevenue', { v: money(euros(sales.totals.revenueCents)) }),
            t('sales.tipDepletion', { v: bottlesText(sales.totals.depletion, locale) }),
          ]}
          eid={eid}
          // The write reloads the sales and the drink before it settles (write.ts).
          onChanged={setNotice}
          onError={setError}
        />
        <form className="sales__period" onSubmit={submit} aria-label={t('sales.period')}>
          <label>
            {t('sales.from')}
            <DateInput name="from" value={from} onChange={setFrom} />
          </label>
          <label>
            {t('sales.to')}
            <DateInput name="to" value={to} onChange={setTo} />
          </label>
          <button type="submit" className="btn">
            {t('sales.show')}
          </button>
        </form>
      </div>
      <ErrorBanner error={error} />
      <ErrorBanner error={query.error} onRetry={reload} />
      {notice && <Notice>{notice}</Notice>}
      <section className="stock-card sales__totals" aria-label={t('sales.totals')}>
        <div>
          <span className="stock-card__label">
            {t('sales.periodLabel', { from: day(sales.from), to: day(sales.to) })}
          </span>
          <strong data-testid="sales-quantity">{t('sales.units', { n: num(sales.totals.quantity) })}</strong>
        </div>
        <div>
          <span className="stock-card__label">{t('sales.revenue')}</span>
          <strong data-testid="sales-revenue">{money(euros(sales.totals.revenueCents))}</strong>
        </div>
        <div>
          <span className="stock-card__label">{t('sales.depletion')}</span>
          <strong data-testid="sales-depletion">{num(sales.totals.depletion)}</strong>
        </div>
      </section>
      {days.length === 0 ? (
        <p className="empty">{sales.links.length === 0 ? t('sales.noLinks') : t('sales.empty')}</p>
      ) : (
        <table className="history-table sales-table">
          <thead>
            <tr>
              <th scope="col">{t('sales.col.day')}</th>
              <th scope="col">{t('sales.col.product')}</th>
              <th scope="col" className="num">
                {t('sales.col.quantity')}
              </th>
              <th scope="col" className="num">
                {t('sales.col.revenue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={`${d.day}-${d.tillProductId}-${d.label}`} data-testid="sale-day">
                <td>{day(d.day)}</td>
                <td>
                  {d.label}{' '}
                  <TillSource
                    name={tillOf.get(d.tillProductId)?.tillName}
                    removed={tillOf.get(d.tillProductId)?.tillRemoved ?? false}
                  />
                </td>
                <td className="num">{num(d.quantity)}</td>
                <td className="num">{money(euros(d.revenueCents))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sales.links.length === 0 && (
        <p>
          <Link to={paths.sync(eid)}>{t('sales.toSync')}</Link>
        </p>
      )}
    </div>
  );
}

/** Hover or focus: the linked till products' labels. Click: the links, their factors, and "Rompre". */
function GoldenTill({
  links,
  totals,
  eid,
  onChanged,
  onError,
}: {
  links: TillLink[];
  totals: string[];
  eid: string;
  onChanged: (message: string) => void;
  onError: (error: unknown) => void;
}) {
  const { t, tn } = useI18n();
  const tooltipId = useId();
  const panelId = useId();
  const [hover, setHover] = useState(false);
  const [open, setOpen] = useState(false);
  if (links.length === 0) return null;
  return (
    <div className="golden" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <button
        type="button"
        className="golden__button"
        aria-label={t('sales.golden')}
        aria-describedby={tooltipId}
        aria-expanded={open}
        aria-controls={panelId}
        onFocus={() => setHover(true)}
        onBlur={() => setHover(false)}
        onKeyDown={(e) => e.key === 'Escape' && setHover(false)}
        onClick={() => setOpen((o) => !o)}
      >
        <GoldenTillIcon />
        <span>{tn('sales.linkCount', links.length)}</span>
      </button>
      <div role="tooltip" id={tooltipId} className="golden__tooltip" hidden={!hover}>
        <span className="golden__tooltip-title">{t('sales.linkedTo')}</span>
        <ul>
          {links.map((l) => (
            <li key={l.tillProductId}>{l.label}</li>
          ))}
        </ul>
        <span className="golden__tooltip-title">{t('sales.totals')}</span>
        <ul data-testid="golden-totals">
          {totals.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      {open && (
        <section id={panelId} className="links card" aria-label={t('sales.links')}>
          <h3>{t('sales.links')}</h3>
          <ul className="links__list">
            {links.map((l) => (
              <LinkRow key={l.tillProductId} link={l} eid={eid} onChanged={onChanged} onError={onError} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function LinkRow({
  link,
  eid,
  onChanged,
  onError,
}: {
  link: TillLink;
  eid: string;
  onChanged: (message: string) => void;
  onError: (error: unknown) => void;
}) {
  const { t, num, date } = useI18n();
  const [factor, setFactor] = useState(factorText(link.factor, num));
  const [factorError, setFactorError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const setFactorOf = useSetFactor(eid);
  const unlinkOf = useUnlink(eid);
  const pending = setFactorOf.isPending || unlinkOf.isPending;
  const inputId = useId();

  const saveFactor = (event: FormEvent) => {
    event.preventDefault();
    const value = parseFactor(factor);
    if (Number.isNaN(value) || value > 100) {
      setFactorError(t('sync.factorInvalid'));
      return;
    }
    setFactorError(null);
    setFactorOf.mutate(
      { tillProductId: link.tillProductId, factor: value },
      { onSuccess: () => onChanged(t('sales.factorSaved', { label: link.label })), onError },
    );
  };

  const unlink = () =>
    unlinkOf.mutate(link.tillProductId, {
      onSuccess: () => onChanged(t('sales.broken', { label: link.label })),
      onError,
    });

  return (
    <li className="link-row" data-testid="till-link">
      <div className="link-row__text">
        <strong>{link.label}</strong>
        <span className="muted">
          {link.family ?? t('sync.noFamily')} · {t('sales.linkedOn', { date: date(link.createdAt) })}
        </span>
        {link.labelChangedOn && (
          <span className="badge badge--warn">
            {t('sync.labelChanged', { date: date(`${link.labelChangedOn}T12:00:00`) })}
          </span>
        )}
      </div>
      <form className="link-row__factor" onSubmit={saveFactor} noValidate>
        <label htmlFor={inputId}>{t('sync.factor')}</label>
        <input
          id={inputId}
          inputMode="decimal"
          value={factor}
          aria-label={t('sales.factorFor', { label: link.label })}
          aria-invalid={factorError ? true : undefined}
          onChange={(e) => setFactor(e.target.value)}
        />
        <button type="submit" className="btn btn--small" disabled={pending}>
          {t('common.save')}
        </button>
        {factorError && <span className="field__error">{factorError}</span>}
      </form>
      {confirming ? (
        <div
          className="link-row__confirm"
          role="group"
          aria-label={t('sales.confirmBreak', { label: link.label })}
        >
          <span>{t('sales.confirmBreak', { label: link.label })}</span>
          <button type="button" className="btn btn--small btn--danger" disabled={pending} onClick={unlink}>
            {t('sales.confirmBreakYes')}
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => setConfirming(true)}
          aria-label={t('sales.breakLabel', { label: link.label })}
        >
          {t('sales.break')}
        </button>
      )}
    </li>
  );
}
