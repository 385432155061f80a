import { SECTION_KEYS, type WineListView } from '../api/carte.ts';
import { useUpdateWineList } from '../api/carteQueries.ts';
import { orderedSections } from '../../../src/domain/wineList.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';

/** The order of the list's sections (Champagnes, Blancs, Rouges…): the public page follows it. */
export function CarteSectionOrder({ eid, view }: { eid: string; view: WineListView }) {
  const { t } = useI18n();
  const update = useUpdateWineList(eid, view.list.id);
  const pending = update.isPending;
  const order = orderedSections(view.list.sectionOrder);
  const used = new Set(view.sections.map((s) => s.key));
  // Sections with wines first, in their order; the empty ones keep their place behind them.
  const shown = order.filter((k) => used.has(k));

  const move = (index: number, delta: -1 | 1) => {
    const next = [...shown];
    const [key] = next.splice(index, 1);
    if (!key) return;
    next.splice(index + delta, 0, key);
    const sectionOrder = [...next, ...SECTION_KEYS.filter((k) => !next.includes(k))];
    // The view (its sections in the new order) loads again before the write settles.
    update.mutate({ patch: { sectionOrder } });
  };

  if (shown.length < 2) return null;
  return (
    <section className="card carte-section-order" aria-labelledby="carte-section-order">
      <h2 id="carte-section-order">{t('carte.sectionOrder')}</h2>
      <ErrorBanner error={update.error} />
      <ol className="section-order">
        {shown.map((key, i) => (
          <li key={key}>
            <span>{t(`carte.section.${key}` as MessageKey)}</span>
            <button type="button" className="btn" disabled={pending || i === 0} onClick={() => move(i, -1)}>
              ↑ <span className="visually-hidden">{t('carte.up')}</span>
            </button>
            <button
              type="button"
              className="btn"
              disabled={pending || i === shown.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓ <span className="visually-hidden">{t('carte.down')}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
