import type { DrinkThatFits, LibraryEntry, Proposal } from '../../../../src/http/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { drinkTitle, formatCl } from '../format.ts';
import { entryTitle } from './entry.ts';

type Candidate = Proposal['answer']['candidates'][number];

/** The other library entries the label could be; choosing one makes it the proposal. */
export function Alternatives({
  shown,
  entries,
  selected,
  onSelect,
}: {
  shown: Candidate[];
  entries: Record<string, LibraryEntry>;
  selected: number;
  onSelect: (index: number) => void;
}) {
  const { t } = useI18n();
  if (!(shown.length > 1 || (shown.length > 0 && selected < 0))) return null;
  return (
    <section aria-label={t('sync.alternatives')}>
      <h3>{t('sync.alternatives')}</h3>
      <p className="muted small">{t('sync.alternativesHint')}</p>
      <ul className="alternatives">
        {shown.map((c, i) => {
          const e = entries[c.id];
          if (!e) return null;
          return (
            <li key={c.id}>
              <button
                type="button"
                className={`alternative${i === selected ? ' alternative--on' : ''}`}
                aria-pressed={i === selected}
                onClick={() => onSelect(i)}
              >
                <span className="alternative__name">{entryTitle(e)}</span>
                <span className="muted">{[e.appellation, e.colour].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The cellar's drinks the label fits, each one click from being linked. */
export function DrinksThatFit({
  fitting,
  pending,
  onLink,
}: {
  fitting: DrinkThatFits[];
  pending: boolean;
  onLink: (drinkId: string) => void;
}) {
  const { t } = useI18n();
  if (fitting.length === 0) return null;
  return (
    <section aria-label={t('sync.drinksThatFit')}>
      <h3>{t('sync.drinksThatFit')}</h3>
      <ul className="fitting">
        {fitting.map((d) => (
          <FittingDrink key={d.id} drink={d} pending={pending} onLink={() => onLink(d.id)} />
        ))}
      </ul>
    </section>
  );
}

function FittingDrink({
  drink,
  pending,
  onLink,
}: {
  drink: DrinkThatFits;
  pending: boolean;
  onLink: () => void;
}) {
  const { t, num } = useI18n();
  const name = `${drinkTitle(drink, t('drinks.unnamed'))} ${drink.vintage ?? t('drinks.nv')}`;
  return (
    <li>
      <span>
        <strong>{drinkTitle(drink, t('drinks.unnamed'))}</strong>{' '}
        <span className="muted">
          {[drink.appellation, drink.vintage ?? t('drinks.nv'), formatCl(drink.formatCl, num)]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </span>
      <button
        type="button"
        className="btn btn--small"
        disabled={pending}
        onClick={onLink}
        aria-label={t('sync.linkTo', { name })}
      >
        {t('sync.linkHere')}
      </button>
    </li>
  );
}
