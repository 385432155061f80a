import { useState, type FormEvent } from 'react';
import { reportApi } from '../api/counts.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { useReportsOverview } from '../api/countQueries.ts';
import { ReportCharts } from '../components/ReportCharts.tsx';
import { ReportTables } from '../components/ReportTables.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, paths, useLocation } from '../router.tsx';

/** Rapports: revenue, coût matière and margins for a period (the URL holds it), with charts and exports. */
export function ReportsPage({ establishment }: { establishment: Establishment }) {
  const { t } = useI18n();
  const eid = establishment.id;
  const { search } = useLocation();
  const period = { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');
  const overview = useReportsOverview(eid, period);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    const s = q.toString();
    navigate(`${paths.reports(eid)}${s ? `?${s}` : ''}`);
  };
  return (
    <main className="page reports-page">
      <h1>{t('rep.title')}</h1>
      <form className="form-row report-period" onSubmit={apply}>
        <label>
          {t('rep.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('rep.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="btn">
          {t('rep.apply')}
        </button>
        <a className="btn btn--small" href={reportApi.exportUrl(eid, period, 'xlsx')} download>
          {t('rep.xlsx')}
        </a>
      </form>
      <QueryState query={overview}>
        {(data) => (
          <>
            <ReportTables bev={data.bev} csv={(table) => reportApi.exportUrl(eid, period, 'csv', table)} />
            <ReportCharts overview={data} />
          </>
        )}
      </QueryState>
    </main>
  );
}
