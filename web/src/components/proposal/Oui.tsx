import type { LibraryEntry, Proposal } from '../../../../src/http/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCl } from '../format.ts';
import { WHY, asColour, entryTitle } from './entry.ts';

type Candidate = Proposal['answer']['candidates'][number];

function useColourName() {
  const { t } = useI18n();
  return (c: string | null) => {
    const known = asColour(c);
    return known ? t(`colour.${known}`) : c;
  };
}

/** What the till label says, as the matcher read it. */
export function ParsedLabel({ answer }: { answer: Proposal['answer'] }) {
  const { t, num } = useI18n();
  const colourName = useColourName();
  return (
    <dl className="parsed" aria-label={t('sync.parsed')}>
      <div>
        <dt>{t('sync.serving')}</dt>
        <dd>{answer.serving ? t(`serving.${answer.serving}`) : t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('form.vintage')}</dt>
        <dd>{answer.vintage ?? t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('form.format')}</dt>
        <dd>{answer.formatCl ? formatCl(answer.formatCl, num) : t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('form.colour')}</dt>
        <dd>{colourName(answer.colour) ?? t('common.none')}</dd>
      </div>
    </dl>
  );
}

/** The proposal that Oui links: the chosen library entry at the label's vintage and size. */
export function OuiProposal({
  decision,
  isBest,
  entry,
  current,
  vintage,
  bottleCl,
  usesDrink,
}: {
  decision: Proposal['answer']['decision'];
  isBest: boolean;
  entry: LibraryEntry | undefined;
  current: Candidate | undefined;
  vintage: number | null;
  bottleCl: number;
  usesDrink: boolean;
}) {
  const { t, num } = useI18n();
  const colourName = useColourName();
  return (
    <section className={`proposal proposal--${decision}`} aria-label={t('sync.proposal')}>
      <p className="proposal__decision">
        {entry
          ? isBest
            ? t(`sync.decision.${decision}`)
            : t('sync.decision.chosen')
          : t('sync.decision.none')}
      </p>
      {entry && current && (
        <>
          <h3 className="proposal__title" data-testid="proposal-title">
            {entryTitle(entry)}
          </h3>
          <dl className="deflist deflist--compact">
            <EntryRow label={t('form.producer')} value={entry.producer} />
            <EntryRow label={t('form.cuvee')} value={entry.cuvee} />
            <EntryRow label={t('form.appellation')} value={entry.appellation} />
            <EntryRow label={t('form.colour')} value={colourName(entry.colour)} />
            <EntryRow
              label={t('form.vintage')}
              value={vintage === null ? t('form.nonVintage') : String(vintage)}
            />
            <EntryRow label={t('form.format')} value={formatCl(bottleCl, num)} />
          </dl>
          {current.why.length > 0 && (
            <p className="why">
              {t('sync.why')} {current.why.map((w) => (WHY[w] ? t(WHY[w]) : w)).join(', ')}
            </p>
          )}
          {usesDrink && <p className="muted">{t('sync.ouiUsesDrink')}</p>}
        </>
      )}
    </section>
  );
}

/** Oui, Presque, Non: the three answers, each with its key. */
export function ChoiceActions({
  hasEntry,
  pending,
  onOui,
  onPresque,
  onNon,
}: {
  hasEntry: boolean;
  pending: boolean;
  onOui: () => void;
  onPresque: () => void;
  onNon: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="panel__actions">
      <button
        type="button"
        className="btn btn--primary"
        disabled={!hasEntry || pending}
        aria-busy={pending}
        onClick={onOui}
        aria-keyshortcuts="Enter"
      >
        {t('sync.oui')} <kbd>↵</kbd>
      </button>
      <button
        type="button"
        className="btn"
        disabled={!hasEntry || pending}
        onClick={onPresque}
        aria-keyshortcuts="P"
      >
        {t('sync.presque')} <kbd>P</kbd>
      </button>
      <button type="button" className="btn" disabled={pending} onClick={onNon} aria-keyshortcuts="N">
        {t('sync.non')} <kbd>N</kbd>
      </button>
    </div>
  );
}

function EntryRow({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
