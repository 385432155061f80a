import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportsOverview } from '../api/counts.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';

const COLOURS = ['#7b2d3b', '#c48b3f', '#3f6e8c', '#5c8a4f', '#8c5c9e', '#b65d2f', '#4f7d7a', '#999'];

/** Monday of the ISO week of a day (YYYY-MM-DD), for the weekly view. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Rows of { bucket, <category>: revenue } for a stacked bar chart. */
export function pivotRevenue(
  points: ReportsOverview['revenueByDay'],
  by: 'day' | 'week',
): { rows: Record<string, string | number>[]; categories: string[] } {
  const categories = [...new Set(points.map((p) => p.category))].sort();
  const rows = new Map<string, Record<string, string | number>>();
  for (const p of points) {
    const bucket = by === 'day' ? p.day : weekOf(p.day);
    const row = rows.get(bucket) ?? { bucket };
    row[p.category] = Math.round(((Number(row[p.category]) || 0) + p.revenueExclTax) * 100) / 100;
    rows.set(bucket, row);
  }
  return {
    rows: [...rows.values()].sort((a, b) => String(a.bucket).localeCompare(String(b.bucket))),
    categories,
  };
}

function ChartCard({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <figure className="card chart-card">
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** The reports page's charts, drawn by recharts. */
export function ReportCharts({ overview }: { overview: ReportsOverview }) {
  const { t, money, num } = useI18n();
  const [by, setBy] = useState<'day' | 'week'>('day');
  const cat = (c: string) => t(`type.${c}` as MessageKey);
  const euro = (v: unknown) => money(Number(v));
  const revenue = pivotRevenue(overview.revenueByDay, by);
  const bev = overview.bevByMonth.map((m) => ({ ...m, percent: m.bevCostPercent }));
  const top = (key: 'quantitySold' | 'margin') =>
    [...overview.bev.drinks]
      .sort((a, b) => b[key] - a[key])
      .slice(0, 8)
      .map((d) => ({ name: d.name.length > 28 ? `${d.name.slice(0, 27)}…` : d.name, value: d[key] }));
  const stock = overview.bev.stockByCategory.map((s) => ({ category: cat(s.category), value: s.value }));
  return (
    <div className="report-charts">
      <div className="segmented" role="group" aria-label={t('rep.granularity')}>
        {(['day', 'week'] as const).map((g) => (
          <button
            key={g}
            type="button"
            className={by === g ? 'segmented__item segmented__item--on' : 'segmented__item'}
            aria-pressed={by === g}
            onClick={() => setBy(g)}
          >
            {t(`rep.by.${g}`)}
          </button>
        ))}
      </div>
      <ChartCard title={t('rep.revenue')}>
        <BarChart data={revenue.rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bucket" fontSize={11} />
          <YAxis fontSize={11} width={48} />
          <Tooltip formatter={euro} />
          <Legend formatter={(v: string) => cat(v)} />
          {revenue.categories.map((c, i) => (
            <Bar key={c} dataKey={c} stackId="r" fill={COLOURS[i % COLOURS.length]} name={c} />
          ))}
        </BarChart>
      </ChartCard>
      <ChartCard title={t('rep.bevPerMonth')}>
        <LineChart data={bev}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" fontSize={11} />
          <YAxis fontSize={11} width={40} unit=" %" />
          <Tooltip formatter={(v: unknown) => `${num(Number(v), 1)} %`} />
          <Line
            type="monotone"
            dataKey="percent"
            stroke={COLOURS[0]}
            name={t('rep.bevPercent')}
            connectNulls
          />
        </LineChart>
      </ChartCard>
      <ChartCard title={t('rep.topSellers')}>
        <BarChart data={top('quantitySold')} layout="vertical" margin={{ left: 8 }}>
          <XAxis type="number" fontSize={11} />
          <YAxis type="category" dataKey="name" width={130} fontSize={10} />
          <Tooltip formatter={(v: unknown) => num(Number(v))} />
          <Bar dataKey="value" fill={COLOURS[1]} name={t('rep.quantitySold')} />
        </BarChart>
      </ChartCard>
      <ChartCard title={t('rep.topMargins')}>
        <BarChart data={top('margin')} layout="vertical" margin={{ left: 8 }}>
          <XAxis type="number" fontSize={11} />
          <YAxis type="category" dataKey="name" width={130} fontSize={10} />
          <Tooltip formatter={euro} />
          <Bar dataKey="value" fill={COLOURS[3]} name={t('rep.margin')} />
        </BarChart>
      </ChartCard>
      <ChartCard title={t('rep.stockValue')}>
        <BarChart data={stock}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="category" fontSize={11} />
          <YAxis fontSize={11} width={56} />
          <Tooltip formatter={euro} />
          <Bar dataKey="value" fill={COLOURS[2]} name={t('rep.value')} />
        </BarChart>
      </ChartCard>
    </div>
  );
}
