import { useState } from 'react';
import { useJustify } from '../api/countQueries.ts';
import type { VarianceReason, VarianceRow } from '../api/counts.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Per drink: expected, counted, the gap in units and euros, and its reason (required above the threshold). */
export function VarianceTable({
  eid,
  sessionId,
  rows,
  reasons,
  onJustified,
}: {
  eid: string;
  sessionId: string;
  rows: VarianceRow[];
  reasons: VarianceReason[];
  onJustified: (message: string) => void;
}) {
  const { t, num, money } = useI18n();
  const [onlyGaps, setOnlyGaps] = useState(true);
  const shown = rows
    .filter((r) => !onlyGaps || (r.difference !== null && r.difference !== 0))
    .sort((a, b) => (a.differenceCost ?? a.difference ?? 0) - (b.differenceCost ?? b.difference ?? 0));
  return (
    <section aria-labelledby="variance-rows-title">
      <h2 id="variance-rows-title">{t('var.rows')}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.target.checked)} />
        {t('var.onlyGaps')}
      </label>
      <div className="table-scroll">
        <table className="data-table variance-table">
          <thead>
            <tr>
              <th scope="col">{t('var.drink')}</th>
              <th scope="col">{t('var.expected')}</th>
              <th scope="col">{t('var.counted')}</th>
              <th scope="col">{t('var.difference')}</th>
              <th scope="col">{t('var.atCost')}</th>
              <th scope="col">{t('var.atSale')}</th>
              <th scope="col">{t('var.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.drinkId}
                data-testid="variance-row"
                className={r.reasonRequired && !r.reason ? 'row--warn' : ''}
              >
                <th scope="row">
                  {r.name}
                  {r.causes.map((c) => (
                    <span key={c} className="badge">
                      {t(`var.cause.${c}`)}
                    </span>
                  ))}
                </th>
                <td data-label={t('var.expected')}>{num(r.expected)}</td>
                <td data-label={t('var.counted')}>
                  {r.counted === null ? t('var.notCounted') : num(r.counted)}
                </td>
                <td data-label={t('var.difference')} data-testid="difference">
                  {r.difference === null ? '—' : num(r.difference)}
                </td>
                <td data-label={t('var.atCost')} data-testid="difference-cost">
                  {money(r.differenceCost)}
                </td>
                <td data-label={t('var.atSale')}>{money(r.differenceSale)}</td>
                <td data-label={t('var.reason')}>
                  <ReasonCell
                    eid={eid}
                    sessionId={sessionId}
                    row={r}
                    reasons={reasons}
                    onJustified={onJustified}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="empty">{t('var.noGap')}</p>}
    </section>
  );
}

function ReasonCell({
  eid,
  sessionId,
  row,
  reasons,
  onJustified,
}: {
  eid: string;
  sessionId: string;
  row: VarianceRow;
  reasons: VarianceReason[];
  onJustified: (message: string) => void;
}) {
  const { t } = useI18n();
  const [reasonId, setReasonId] = useState(row.reason?.reasonId ?? '');
  const [comment, setComment] = useState(row.reason?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const justify = useJustify(eid, sessionId);
  if (row.difference === null || row.difference === 0) return null;
  const save = () => {
    if (!reasonId) {
      setError(t('var.err.reason'));
      return;
    }
    setError(null);
    justify.mutate(
      { drinkId: row.drinkId, reasonId, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: () => onJustified(t('var.justified', { name: row.name })),
        onError: (err) => setError(err.message),
      },
    );
  };
  return (
    <div className="reason-cell">
      {row.reasonRequired && !row.reason && <span className="badge badge--warn">{t('var.required')}</span>}
      <select
        aria-label={t('var.reasonFor', { name: row.name })}
        value={reasonId}
        onChange={(e) => setReasonId(e.target.value)}
      >
        <option value="">{t('var.pickReason')}</option>
        {reasons
          .filter((r) => !r.archived || r.id === reasonId)
          .map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
      </select>
      <input
        aria-label={t('var.commentFor', { name: row.name })}
        placeholder={t('var.comment')}
        value={comment}
        maxLength={500}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="button" className="btn btn--small" disabled={justify.isPending} onClick={save}>
        {t('var.justify')}
      </button>
      {row.reason && <span className="muted">{t('var.justifiedBy', { by: row.reason.by ?? '—' })}</span>}
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
