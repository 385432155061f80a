import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { reportApi, type ReportsOverview } from '../api/counts.ts';
import type { Establishment } from '../../../src/http/contract.ts';
import { useReportsOverview } from '../api/countQueries.ts';
import { DateInput } from '../components/DateInput.tsx';
import { Loading } from '../components/Feedback.tsx';
import { ReportTables } from '../components/ReportTables.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, paths, useLocation } from '../router.tsx';

// The chart library is the heaviest part of the bundle: it loads with the charts, after the figures.
const ReportCharts = lazy(() =>
  import('../components/ReportCharts.tsx').then((m) => ({ default: m.ReportCharts })),
);

/** Rapports: revenue, coût matière and margins for a period (the URL holds it), with charts and exports. */
export function ReportsPage({ establishment }: { establishment: Establishment }) {
  const { t } = useI18n();
  const eid = establishment.id;
  const uid = useId();
  const { search } = useLocation();
  const period = { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');
  const overview = useReportsOverview(eid, period);
  // The fields show the period the report shows, the default month included.
  const [shown, setShown] = useState<ReportsOverview | undefined>(undefined);
  if (overview.data && overview.data !== shown) {
    setShown(overview.data);
    setFrom(overview.data.bev.fromDay);
    setTo(overview.data.bev.toDay);
  }
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
        {/* Not wrapped in their labels: the calendar button would join the fields' names. */}
        <div className="report-period__field">
          <label htmlFor={`${uid}-from`}>{t('rep.from')}</label>
          <DateInput id={`${uid}-from`} value={from} onChange={setFrom} />
        </div>
        <div className="report-period__field">
          <label htmlFor={`${uid}-to`}>{t('rep.to')}</label>
          <DateInput id={`${uid}-to`} value={to} onChange={setTo} />
        </div>
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
            <Suspense fallback={<Loading />}>
              <ReportCharts overview={data} />
            </Suspense>
          </>
        )}
      </QueryState>
    </main>
  );
}
