import { useState, type FormEvent } from 'react';
import {
  useSalesFileHistory,
  useSalesFileImport,
  useSalesFilePreview,
  type ColumnMapping,
  type SalesFileImport as ImportResult,
  type SalesFilePreview,
} from '../api/salesFiles.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { ErrorBanner, Loading, Notice, SubmitButton } from './Feedback.tsx';
import { DateInput } from './DateInput.tsx';
import { Field } from './Field.tsx';

const FIELDS = [
  'date',
  'time',
  'ticket',
  'productCode',
  'label',
  'family',
  'quantity',
  'unitPrice',
  'amountInclTax',
  'amountExclTax',
] as const satisfies readonly (keyof ColumnMapping)[];

/** Imports caisse › fichier de ventes: choose a file, check its columns and first lines, import it. */
export function SalesFileImport({ eid, canManage }: { eid: string; canManage: boolean }) {
  const { t, date, money } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<SalesFilePreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [tillName, setTillName] = useState('Fichier de ventes');
  const [presetName, setPresetName] = useState('');
  const [day, setDay] = useState('');
  const previewOf = useSalesFilePreview(eid);
  const importOf = useSalesFileImport(eid);
  const pending = previewOf.isPending ? 'preview' : importOf.isPending ? 'import' : null;
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const historyQuery = useSalesFileHistory(eid);
  const history = historyQuery.data;

  const settings = (m: ColumnMapping | undefined) => ({
    ...(m ? { mapping: m } : {}),
    tillName,
    ...(day ? { day } : {}),
  });

  const runPreview = async (chosen: File, m?: ColumnMapping) => {
    setError(null);
    setResult(null);
    try {
      const p = await previewOf.mutateAsync({ file: chosen, settings: settings(m) });
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setPreview(null);
      setError(err);
    }
  };

  const onImport = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    try {
      const r = await importOf.mutateAsync({
        file,
        settings: { ...settings(mapping), ...(presetName.trim() ? { presetName: presetName.trim() } : {}) },
      });
      setResult(r);
      setPreview(null);
      setFile(null);
    } catch (err) {
      setError(err);
    }
  };

  const read = preview?.read;
  const replaced = read?.days.filter((d) => d.alreadyImported).map((d) => date(`${d.day}T12:00:00`)) ?? [];

  return (
    <section className="card sales-file" aria-labelledby="sf-title">
      <h2 id="sf-title">{t('sf.title')}</h2>
      <p className="muted">{t('sf.lead')}</p>
      {result && <Notice>{result.message}</Notice>}
      <ErrorBanner error={error} />
      {canManage && (
        <form onSubmit={(e) => void onImport(e)} noValidate>
          <Field label={t('sf.file')}>
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setFile(chosen);
                  setPreview(null);
                  if (chosen) void runPreview(chosen);
                }}
              />
            )}
          </Field>
          {pending === 'preview' && <p role="status">{t('sf.reading')}</p>}
          {preview && file && (
            <>
              <p className="muted">
                {t('sf.detected', {
                  format: preview.shape.format.toUpperCase(),
                  encoding: preview.shape.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
                  separator: preview.shape.separator === '\t' ? 'tab' : preview.shape.separator,
                  line: preview.shape.headerLine,
                })}
              </p>
              <Field label={t('sf.preset')}>
                {(p) => (
                  <select
                    {...p}
                    value=""
                    onChange={(e) => {
                      const preset = preview.presets.find((x) => x.name === e.target.value);
                      if (preset) void runPreview(file, preset.mapping);
                    }}
                  >
                    <option value="">{t('sf.presetNone')}</option>
                    {preview.presets
                      .filter((x) => preview.matching.includes(x.name))
                      .map((x) => (
                        <option key={x.name} value={x.name}>
                          {x.name}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
              <fieldset className="sales-file__columns">
                <legend>{t('sf.columns')}</legend>
                {FIELDS.map((f) => (
                  <Field key={f} label={t(`sf.field.${f}` as MessageKey)}>
                    {(p) => (
                      <select
                        {...p}
                        name={f}
                        value={mapping[f] ?? ''}
                        onChange={(e) => setMapping({ ...mapping, [f]: e.target.value || undefined })}
                      >
                        <option value="">{t('sf.column.none')}</option>
                        {preview.shape.headers.map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ))}
              </fieldset>
              {!mapping.date && (
                <Field label={t('sf.day')}>{(p) => <DateInput {...p} value={day} onChange={setDay} />}</Field>
              )}
              <Field label={t('sf.tillName')}>
                {(p) => (
                  <input
                    {...p}
                    value={tillName}
                    maxLength={80}
                    onChange={(e) => setTillName(e.target.value)}
                  />
                )}
              </Field>
              <Field label={t('sf.saveAs')}>
                {(p) => (
                  <input
                    {...p}
                    value={presetName}
                    maxLength={80}
                    onChange={(e) => setPresetName(e.target.value)}
                  />
                )}
              </Field>
              <button
                type="button"
                className="btn"
                disabled={pending !== null}
                onClick={() => void runPreview(file, mapping)}
              >
                {t('sf.previewBtn')}
              </button>
              {preview.missing.length > 0 && (
                <p role="alert">{t('sf.missing', { fields: preview.missing.join(', ') })}</p>
              )}
              {read && (
                <div className="sales-file__preview">
                  <p>{t('sf.summary', { lines: read.lines, days: read.days.length })}</p>
                  {replaced.length > 0 && (
                    <p className="banner">{t('sf.replaced', { days: replaced.join(', ') })}</p>
                  )}
                  <h3>{t('sf.first')}</h3>
                  <div className="table-scroll">
                    <table className="table">
                      <thead>
                        <tr>
                          <th>{t('sf.col.line')}</th>
                          <th>{t('sf.col.day')}</th>
                          <th>{t('sf.col.label')}</th>
                          <th>{t('sf.col.qty')}</th>
                          <th>{t('sf.col.amount')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {read.first.map((l) => (
                          <tr key={l.lineNo}>
                            <td>{l.lineNo}</td>
                            <td>{date(`${l.businessDay}T12:00:00`)}</td>
                            <td>{l.label}</td>
                            <td>{l.quantity}</td>
                            <td>{money(l.amount)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <h3>{t('sf.bad', { count: read.badCount })}</h3>
                  {read.bad.length === 0 ? (
                    <p className="muted">{t('sf.badNone')}</p>
                  ) : (
                    <ul className="sales-file__bad">
                      {read.bad.map((b) => (
                        <li key={`${b.lineNo}-${b.reason}`}>
                          {t('sf.lineReason', { line: b.lineNo, reason: b.reason })}
                        </li>
                      ))}
                    </ul>
                  )}
                  {read.warningCount > 0 && (
                    <>
                      <h3>{t('sf.warnings', { count: read.warningCount })}</h3>
                      <ul className="sales-file__bad">
                        {read.warnings.map((w) => (
                          <li key={`${w.lineNo}-${w.reason}`}>
                            {t('sf.lineReason', { line: w.lineNo, reason: w.reason })}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  <SubmitButton
                    pending={pending === 'import'}
                    label={t('sf.importBtn')}
                    pendingLabel={t('sf.importing')}
                  />
                </div>
              )}
            </>
          )}
        </form>
      )}
      <h3>{t('sf.history')}</h3>
      {historyQuery.isPending && <Loading />}
      <ErrorBanner error={historyQuery.error} onRetry={() => void historyQuery.refetch()} />
      {history && history.uploads.length === 0 && <p className="muted">{t('sf.historyEmpty')}</p>}
      <ul className="sales-file__history">
        {history?.uploads.map((u) => (
          <li key={u.id}>
            {date(u.createdAt, true)} ·{' '}
            {t('sf.historyLine', {
              file: u.fileName,
              till: u.tillName,
              lines: u.lines,
              days: u.days.length,
              revenue: money(u.revenue),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
