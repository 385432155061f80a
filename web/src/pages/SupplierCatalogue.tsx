import { useState, type FormEvent } from 'react';
import type { Establishment, Task } from '../../../src/http/contract.ts';
import { useImportCatalogue } from '../api/accountQueries.ts';
import type { CatalogueField } from '../api/endpoints.ts';
import { ErrorBanner, Notice, SubmitButton } from '../components/Feedback.tsx';
import { Field } from '../components/Field.tsx';
import { TaskProgress } from '../components/TaskProgress.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';

const FIELDS: { field: CatalogueField; guess: RegExp }[] = [
  { field: 'producer', guess: /domaine|producteur|producer|chateau|château/i },
  { field: 'cuvee', guess: /cuv/i },
  { field: 'appellation', guess: /appellation/i },
  { field: 'colour', guess: /couleur|colou?r/i },
  { field: 'vintage', guess: /mill|vintage/i },
  { field: 'formatCl', guess: /format|contenance|cl\b/i },
];

/** The header the server will read: UTF-8 when the bytes are, else Windows-1252 (French Excel). */
function headerOf(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes.subarray(0, 64 * 1024));
  }
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const sep = [';', ',', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0] ?? ',';
  return first.split(sep).map((h) => h.replace(/^"|"$/g, '').trim());
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Report = { imported: number; errors: { line: number; message: string }[] };

/** Paramètres › Catalogue fournisseur: the file is read by a job; its progress and report show here. */
export function SupplierCatalogue({ establishment }: { establishment: Establishment }) {
  const { t, tn } = useI18n();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Partial<Record<CatalogueField, string>>>({});
  const [task, setTask] = useState<Task | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = useImportCatalogue(establishment.id, setTask);
  if (establishment.role === 'staff') return null;

  const pick = async (file: File | undefined) => {
    setTask(null);
    setError(null);
    if (!file) return;
    const read = new Uint8Array(await file.arrayBuffer());
    const columns = headerOf(read);
    setBytes(read);
    setHeader(columns);
    const guessed: Partial<Record<CatalogueField, string>> = {};
    for (const { field, guess } of FIELDS) {
      const found = columns.find((c) => guess.test(c));
      if (found) guessed[field] = found;
    }
    setMapping(guessed);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!bytes) return;
    if (!mapping.producer && !mapping.cuvee && !mapping.appellation) {
      setError(new Error(t('cat.needColumn')));
      return;
    }
    send.mutate({ fileBase64: toBase64(bytes), mapping }, { onError: setError });
  };

  const report = task?.state === 'succeeded' ? (task.result as Report | null) : null;
  return (
    <section className="card" aria-labelledby="set-catalogue">
      <h2 id="set-catalogue">{t('cat.title')}</h2>
      <p className="muted">{t('cat.lead')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorBanner error={error} />
        <Field label={t('cat.file')}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          )}
        </Field>
        {header.length > 0 && (
          <div className="form-row">
            {FIELDS.map(({ field }) => (
              <Field key={field} label={t('cat.column', { field: t(`cat.field.${field}` as MessageKey) })}>
                {(p) => (
                  <select
                    {...p}
                    value={mapping[field] ?? ''}
                    onChange={(e) => setMapping({ ...mapping, [field]: e.target.value || undefined })}
                  >
                    <option value="">{t('cat.none')}</option>
                    {header.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
        )}
        {bytes && (
          <SubmitButton pending={send.isPending} label={t('cat.submit')} pendingLabel={t('cat.pending')} />
        )}
      </form>
      {task && task.state !== 'succeeded' && <TaskProgress task={task} />}
      {report && (
        <Notice>
          {tn('cat.done', report.imported)}
          {report.errors.length > 0 && (
            <>
              {' '}
              {tn('cat.errors', report.errors.length)}
              <ul>
                {report.errors.slice(0, 20).map((e) => (
                  <li key={e.line}>{t('cat.errorLine', { line: e.line, message: e.message })}</li>
                ))}
              </ul>
            </>
          )}
        </Notice>
      )}
    </section>
  );
}
