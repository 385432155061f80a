import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import type { WineList, WineListPatch } from '../api/carte.ts';
import { useRemoveWineList, useUpdateWineList } from '../api/carteQueries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner, Notice, SubmitButton } from './Feedback.tsx';
import { Field } from './Field.tsx';
import { parseDecimal } from './format.ts';

/** A list's name, address, publication, header, logo and threshold, with the public links. */
export function CarteSettings({
  eid,
  list,
  canManage,
  onDeleted,
}: {
  eid: string;
  list: WineList;
  canManage: boolean;
  onDeleted: (id: string) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: list.name,
    slug: list.slug,
    headerName: list.headerName,
    headerAddress: list.headerAddress ?? '',
    threshold: list.lowStockThreshold === null ? '' : String(list.lowStockThreshold),
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const update = useUpdateWineList(eid, list.id);
  const removeList = useRemoveWineList(eid, list.id);
  const pending = update.isPending || removeList.isPending;

  const run = async (change: Parameters<typeof update.mutateAsync>[0]) => {
    setError(null);
    setFields({});
    setSaved(false);
    try {
      await update.mutateAsync(change);
      setSaved(true);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFields(err.fieldMap());
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const threshold = form.threshold.trim() === '' ? null : parseDecimal(form.threshold);
    if (threshold !== null && (Number.isNaN(threshold) || threshold < 0)) {
      setFields({ lowStockThreshold: t('carte.thresholdHint') });
      return;
    }
    const patch: WineListPatch = {
      name: form.name,
      slug: form.slug.trim(),
      headerName: form.headerName,
      headerAddress: form.headerAddress.trim() || null,
      lowStockThreshold: threshold,
    };
    void run({ patch });
  };

  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const data = typeof reader.result === 'string' ? reader.result : '';
      void run({ logo: data.slice(data.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  };

  const remove = async () => {
    if (!window.confirm(t('carte.confirmDelete', { name: list.name }))) return;
    setError(null);
    try {
      // The lists load again without it before the write settles; the page then shows another one.
      await removeList.mutateAsync();
      onDeleted(list.id);
    } catch (err) {
      setError(err);
    }
  };

  const text = (key: keyof typeof form) => (e: ChangeEvent<HTMLInputElement>) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <section className="card carte-settings" aria-labelledby="carte-settings">
      <h2 id="carte-settings">{t('carte.settings')}</h2>
      <div className="carte-public">
        {list.published ? (
          <>
            <span className="badge">{t('carte.published')}</span>
            <a href={list.publicPath} target="_blank" rel="noreferrer">
              {t('carte.open')}
            </a>
            <a href={`${list.publicPath}/carte.pdf`}>{t('carte.pdf')}</a>
            <a href={`${list.publicPath}/qr.svg`} target="_blank" rel="noreferrer">
              <img src={`${list.publicPath}/qr.svg`} alt={t('carte.qr')} width={96} height={96} />
            </a>
          </>
        ) : (
          <span className="muted">{t('carte.unpublished')}</span>
        )}
        {canManage && (
          <button
            type="button"
            className="btn btn--primary"
            disabled={pending}
            onClick={() => void run({ patch: { published: !list.published } })}
          >
            {list.published ? t('carte.unpublish') : t('carte.publish')}
          </button>
        )}
      </div>
      <ErrorBanner error={error} />
      {saved && <Notice>{t('carte.saved')}</Notice>}
      <form onSubmit={save}>
        <fieldset disabled={!canManage} className="carte-grid">
          <Field label={t('carte.name')} error={fields.name}>
            {(p) => <input {...p} value={form.name} maxLength={80} required onChange={text('name')} />}
          </Field>
          <Field label={t('carte.slug')} error={fields.slug} hint={t('carte.slugHint')}>
            {(p) => (
              <input {...p} value={form.slug} maxLength={60} autoCapitalize="none" onChange={text('slug')} />
            )}
          </Field>
          <Field label={t('carte.headerName')} error={fields.headerName}>
            {(p) => (
              <input {...p} value={form.headerName} maxLength={120} required onChange={text('headerName')} />
            )}
          </Field>
          <Field label={t('carte.headerAddress')} error={fields.headerAddress}>
            {(p) => (
              <input {...p} value={form.headerAddress} maxLength={300} onChange={text('headerAddress')} />
            )}
          </Field>
          <Field
            label={t('carte.threshold')}
            error={fields.lowStockThreshold}
            hint={t('carte.thresholdHint')}
          >
            {(p) => <input {...p} value={form.threshold} inputMode="decimal" onChange={text('threshold')} />}
          </Field>
          <Field label={t('carte.logo')} error={fields.logo}>
            {(p) => <input {...p} type="file" accept="image/png,image/jpeg,image/webp" onChange={upload} />}
          </Field>
        </fieldset>
        {canManage && (
          <div className="form-actions">
            <SubmitButton pending={pending} label={t('common.save')} pendingLabel={t('common.saving')} />
            {list.hasLogo && (
              <button type="button" className="btn" onClick={() => void run({ logo: null })}>
                {t('carte.removeLogo')}
              </button>
            )}
            <button type="button" className="btn btn--ghost" disabled={pending} onClick={() => void remove()}>
              {t('carte.delete')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
