import { useState } from 'react';
import { carteApi, SECTION_KEYS, type WineListView } from '../api/carte.ts';
import { orderedSections } from '../../../src/domain/wineList.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';

/** The order of the list's sections (Champagnes, Blancs, Rouges…): the public page follows it. */
export function CarteSectionOrder({
  eid,
  view,
  onChange,
}: {
  eid: string;
  view: WineListView;
  onChange: (view: WineListView) => void;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const order = orderedSections(view.list.sectionOrder);
  const used = new Set(view.sections.map((s) => s.key));
  // Sections with wines first, in their order; the empty ones keep their place behind them.
  const shown = order.filter((k) => used.has(k));

  const move = async (index: number, delta: -1 | 1) => {
    const next = [...shown];
    const [key] = next.splice(index, 1);
    if (!key) return;
    next.splice(index + delta, 0, key);
    const sectionOrder = [...next, ...SECTION_KEYS.filter((k) => !next.includes(k))];
    setPending(true);
    setError(null);
    try {
      await carteApi.update(eid, view.list.id, { sectionOrder });
      onChange(await carteApi.get(eid, view.list.id));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  if (shown.length < 2) return null;
  return (
    <section className="card carte-section-order" aria-labelledby="carte-section-order">
      <h2 id="carte-section-order">{t('carte.sectionOrder')}</h2>
      <ErrorBanner error={error} />
      <ol className="section-order">
        {shown.map((key, i) => (
          <li key={key}>
            <span>{t(`carte.section.${key}` as MessageKey)}</span>
            <button
              type="button"
              className="btn"
              disabled={pending || i === 0}
              onClick={() => void move(i, -1)}
            >
              ↑ <span className="visually-hidden">{t('carte.up')}</span>
            </button>
            <button
              type="button"
              className="btn"
              disabled={pending || i === shown.length - 1}
              onClick={() => void move(i, 1)}
            >
              ↓ <span className="visually-hidden">{t('carte.down')}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
