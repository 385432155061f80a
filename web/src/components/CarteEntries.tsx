import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useCarteEntries } from '../api/carteQueries.ts';
import { SECTION_KEYS, type SectionKey, type WineListEntry, type WineListView } from '../api/carte.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';
import { Field } from './Field.tsx';
import { parseDecimal } from './format.ts';

type Props = { eid: string; view: WineListView; canManage: boolean };

/** The list's entries by section: prices with their source, warnings, text, section, manual price, order. */
export function CarteEntries({ eid, view, canManage }: Props) {
  const { t } = useI18n();
  const reorder = useCarteEntries(eid, view.list.id);
  const order = view.sections.flatMap((s) => s.entries.map((e) => e.drinkId));

  const move = (drinkId: string, delta: -1 | 1) => {
    const i = order.indexOf(drinkId);
    const j = i + delta;
    if (j < 0 || j >= order.length) return;
    const next = [...order];
    [next[i], next[j]] = [next[j] ?? drinkId, next[i] ?? drinkId];
    reorder.mutate({ order: { drinkIds: next } });
  };

  return (
    <section aria-labelledby="carte-entries" className="carte-entries">
      <div className="page-head">
        <h2 id="carte-entries">{view.list.name}</h2>
        {canManage && order.length > 1 && (
          <button
            type="button"
            className="btn"
            disabled={!view.list.manualOrder || reorder.isPending}
            onClick={() => reorder.mutate({ order: { order: 'default' } })}
          >
            {t('carte.defaultOrder')}
          </button>
        )}
      </div>
      <ErrorBanner error={reorder.error} />
      {order.length === 0 && <p className="empty">{t('carte.empty')}</p>}
      {view.sections.map((s) => (
        <div key={s.key}>
          <h3>{t(`carte.section.${s.key}` as MessageKey)}</h3>
          <ol className="carte-list">
            {s.entries.map((e) => (
              <EntryCard
                key={e.drinkId}
                entry={e}
                eid={eid}
                listId={view.list.id}
                canManage={canManage}
                onMove={(d) => move(e.drinkId, d)}
                first={order[0] === e.drinkId}
                last={order.at(-1) === e.drinkId}
              />
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

function EntryCard(props: {
  entry: WineListEntry;
  eid: string;
  listId: string;
  canManage: boolean;
  onMove: (delta: -1 | 1) => void;
  first: boolean;
  last: boolean;
}) {
  const { entry: e, eid, listId, canManage } = props;
  const { t, money, num } = useI18n();
  const [note, setNote] = useState(e.note ?? '');
  const [section, setSection] = useState<SectionKey | ''>(e.sectionOverride ?? '');
  const [manual, setManual] = useState(e.manualPrice === null ? '' : String(e.manualPrice).replace('.', ','));
  const [fields, setFields] = useState<Record<string, string>>({});
  const entries = useCarteEntries(eid, listId);
  const [error, setError] = useState<unknown>(null);
  const name = [e.producer, e.cuvee].filter(Boolean).join(' ') || e.appellation || '—';
  const bottle = e.prices.find((p) => p.serving === 'bottle' && p.source === 'till');

  const save = async () => {
    const manualPrice = manual.trim() === '' ? null : parseDecimal(manual);
    if (manualPrice !== null && Number.isNaN(manualPrice))
      return setFields({ manualPrice: t('carte.manualPrice') });
    setFields({});
    setError(null);
    try {
      await entries.mutateAsync({
        set: e.drinkId,
        body: { note: note || null, section: section || null, manualPrice },
      });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFields(err.fieldMap());
    }
  };
  const remove = () => {
    setError(null);
    entries.mutate({ remove: e.drinkId }, { onError: setError });
  };

  return (
    <li className={`card carte-entry${e.available ? '' : ' carte-entry--hidden'}`} data-drink={e.drinkId}>
      <div className="carte-entry__head">
        <div>
          <strong>{name}</strong> {e.vintage ?? ''}
          <div className="muted">{[e.appellation, e.region].filter(Boolean).join(' · ')}</div>
        </div>
        <div className="carte-entry__badges">
          {!e.available && <span className="badge badge--warn">{t('carte.hidden')}</span>}
          {e.lastBottles && <span className="badge">{t('carte.lastBottles')}</span>}
        </div>
      </div>
      <ul className="carte-prices">
        {e.prices.map((p) => (
          <li key={`${p.serving}-${p.volumeCl}`}>
            {t(`carte.serving.${p.serving}` as MessageKey)} {num(p.volumeCl)} cl :{' '}
            <strong>{money(p.price)}</strong>{' '}
            <span className="muted">({t(`carte.source.${p.source}` as MessageKey)})</span>
          </li>
        ))}
        {e.tillLinked && e.ownPrice !== null && (
          <li className={bottle && bottle.price !== e.ownPrice ? 'carte-differs' : 'muted'}>
            {t('carte.ownPrice', { price: money(e.ownPrice) })}
            {bottle && bottle.price !== e.ownPrice ? ` — ${t('carte.differs')}` : ''}
          </li>
        )}
      </ul>
      {e.warnings.length > 0 && (
        <ul className="carte-warnings">
          {e.warnings.map((w) => (
            <li key={w}>⚠ {t(`carte.warn.${w}` as MessageKey)}</li>
          ))}
        </ul>
      )}
      <ErrorBanner error={error} />
      {canManage && (
        <form
          className="carte-entry__form"
          onSubmit={(ev) => {
            ev.preventDefault();
            void save();
          }}
        >
          <Field label={t('carte.note')} error={fields.note}>
            {(p) => <input {...p} value={note} maxLength={300} onChange={(ev) => setNote(ev.target.value)} />}
          </Field>
          <Field label={t('carte.section')} error={fields.section}>
            {(p) => (
              <select
                {...p}
                value={section}
                onChange={(ev) => setSection(ev.target.value as SectionKey | '')}
              >
                <option value="">{t('carte.sectionAuto')}</option>
                {SECTION_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {t(`carte.section.${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('carte.manualPrice')}
            error={fields.manualPrice}
            hint={e.tillLinked ? t('carte.manualPriceTill') : undefined}
          >
            {(p) => (
              <input
                {...p}
                value={manual}
                inputMode="decimal"
                disabled={e.tillLinked}
                onChange={(ev) => setManual(ev.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={entries.isPending}>
              {t('carte.saveItem')}
            </button>
            <button type="button" className="btn" disabled={props.first} onClick={() => props.onMove(-1)}>
              ↑ <span className="visually-hidden">{t('carte.up')}</span>
            </button>
            <button type="button" className="btn" disabled={props.last} onClick={() => props.onMove(1)}>
              ↓ <span className="visually-hidden">{t('carte.down')}</span>
            </button>
            <button type="button" className="btn btn--ghost" disabled={entries.isPending} onClick={remove}>
              {t('carte.remove')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
