import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useLink, useProposal } from '../../api/queries.ts';
import type { Drink, LinkTarget, TillProduct } from '../../../../src/http/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorBanner, Loading } from '../Feedback.tsx';
import { OnHandField, readOnHand } from '../OnHandField.tsx';
import { factorText, parseFactor } from '../tillFormat.ts';
import { Alternatives, DrinksThatFit } from './Alternatives.tsx';
import { FactorField } from './FactorField.tsx';
import { NonForm } from './Non.tsx';
import { ChoiceActions, OuiProposal, ParsedLabel } from './Oui.tsx';
import { PresqueForm } from './Presque.tsx';

type Mode = 'choose' | 'presque' | 'non';
type Props = {
  eid: string;
  product: TillProduct;
  onClose: () => void;
  onLinked: (drink: Drink) => void;
};

const MAX_ALTERNATIVES = 5;

/** The Oui / Presque / Non panel for one till product: a modal <dialog>, worked from the keyboard. */
export function ProposalPanel({ eid, product, onClose, onLinked }: Props) {
  const { t, num } = useI18n();
  const titleId = useId();
  const root = useRef<HTMLDialogElement>(null);
  const proposalQuery = useProposal(eid, product.id);
  const proposal = proposalQuery.data;
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState(-1);
  const [mode, setMode] = useState<Mode>('choose');
  const [factor, setFactor] = useState('1');
  const [factorError, setFactorError] = useState<string | undefined>(undefined);
  const linking = useLink(eid);
  const pending = linking.isPending;
  const [onHand, setOnHand] = useState('');
  const [onHandError, setOnHandError] = useState<string | undefined>(undefined);

  // The browser makes the page behind a modal dialog inert and keeps focus inside it.
  useEffect(() => {
    const dialog = root.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.focus();
    return () => dialog?.close();
  }, []);

  // The first answer picks the best candidate and the factor; a later refetch leaves the user's choice alone.
  const [seeded, setSeeded] = useState(false);
  if (proposal && !seeded) {
    setSeeded(true);
    const p = proposal;
    const bestIndex = p.best ? p.answer.candidates.findIndex((c) => c.id === p.best?.entry.id) : -1;
    setSelected(p.best ? Math.max(0, bestIndex) : -1);
    setFactor(factorText(p.factor.factor, num));
  }

  // Back to the choice (or loaded): focus returns to the panel so that the letters work again.
  useEffect(() => {
    if (mode === 'choose') root.current?.focus();
  }, [mode, proposal]);

  const candidates = (proposal?.answer.candidates ?? []).filter((c) => proposal?.answer.entries[c.id]);
  const shown = candidates.slice(0, MAX_ALTERNATIVES + 1);
  const current = selected >= 0 ? shown[selected] : undefined;
  const entry = current ? proposal?.answer.entries[current.id] : undefined;
  const vintage = proposal?.best?.vintage ?? proposal?.answer.vintage ?? null;
  const bottleCl = proposal?.best?.formatCl ?? 75;
  const fitting = proposal?.drinksThatFit ?? [];
  const sameDrink = entry
    ? fitting.find((d) => d.libraryEntryId === entry.id && d.vintage === vintage && d.formatCl === bottleCl)
    : undefined;

  const readFactor = (): number | undefined | null => {
    const value = parseFactor(factor);
    if (Number.isNaN(value) || value > 100) {
      setFactorError(t('sync.factorInvalid'));
      return null;
    }
    setFactorError(undefined);
    return value;
  };

  const link = async (target: LinkTarget) => {
    const f = readFactor();
    if (f === null) return;
    // Linking to a drink already in the cellar keeps its stock: the count is asked only for a new drink.
    let bottles: number | undefined;
    if (target.kind !== 'drink') {
      const read = readOnHand(onHand, t);
      setOnHandError('error' in read ? read.error : undefined);
      if ('error' in read) return;
      bottles = read.value;
    }
    setError(null);
    try {
      const result = await linking.mutateAsync({
        tillProductId: product.id,
        target,
        factor: f,
        ...(bottles !== undefined ? { onHand: bottles } : {}),
      });
      onLinked(result.drink);
    } catch (err) {
      setError(err);
      return err;
    }
    return null;
  };

  const oui = () => {
    if (!entry || pending) return;
    void link(
      sameDrink
        ? { kind: 'drink', drinkId: sameDrink.id }
        : { kind: 'library', libraryEntryId: entry.id, vintage, formatCl: bottleCl },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const target = event.target as HTMLElement;
    const typing = target.matches('input, select, textarea, [contenteditable="true"]');
    if (event.key === 'Escape') {
      // Handled here rather than by the dialog's cancel: a combobox closing its list keeps the panel open.
      if (event.defaultPrevented) return;
      event.preventDefault();
      if (mode !== 'choose') setMode('choose');
      else onClose();
      return;
    }
    if (typing || mode !== 'choose' || event.ctrlKey || event.metaKey || event.altKey) return;
    const onButton = target.matches('button, a, summary');
    if (event.key === 'Enter' && !onButton) {
      event.preventDefault();
      oui();
    } else if (event.key === 'p' || event.key === 'P') {
      event.preventDefault();
      if (entry) setMode('presque');
    } else if (event.key === 'n' || event.key === 'N') {
      event.preventDefault();
      setMode('non');
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && shown.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((s) =>
        s < 0 ? (step > 0 ? 0 : shown.length - 1) : (s + step + shown.length) % shown.length,
      );
    }
  };

  const answer = proposal?.answer;
  return (
    <dialog
      className="panel"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={root}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Escape is handled in onKeyDown; any other cancel (a close request from the browser) closes.
        e.preventDefault();
        onClose();
      }}
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="panel__inner">
        <div className="panel__head">
          <div>
            <p className="panel__kicker">{t('sync.panel.kicker')}</p>
            <h2 id={titleId}>{product.label}</h2>
            <p className="muted">{product.family ?? t('sync.noFamily')}</p>
          </div>
          <button
            type="button"
            className="btn btn--ghost"
            onClick={onClose}
            aria-label={t('sync.panel.close')}
          >
            ✕
          </button>
        </div>
        {!proposal && proposalQuery.isError && (
          <ErrorBanner error={proposalQuery.error} onRetry={() => void proposalQuery.refetch()} />
        )}
        {!proposal && !proposalQuery.isError && <Loading />}
        {proposal && answer && (
          <div className="panel__body">
            <ParsedLabel answer={answer} />
            {mode === 'choose' && (
              <>
                <OuiProposal
                  decision={answer.decision}
                  isBest={selected === 0 && !!proposal.best}
                  entry={entry}
                  current={current}
                  vintage={vintage}
                  bottleCl={bottleCl}
                  usesDrink={!!sameDrink}
                />
                <Alternatives
                  shown={shown}
                  entries={answer.entries}
                  selected={selected}
                  onSelect={setSelected}
                />
                <DrinksThatFit
                  fitting={fitting}
                  pending={pending}
                  onLink={(drinkId) => void link({ kind: 'drink', drinkId })}
                />
              </>
            )}
            <FactorField
              value={factor}
              error={factorError}
              onChange={(v) => {
                setFactor(v);
                setFactorError(undefined);
              }}
              pourCl={proposal.factor.pourCl}
              bottleCl={bottleCl}
              factor={parseFactor(factor)}
            />
            {(mode !== 'choose' || (entry && !sameDrink)) && (
              <OnHandField
                value={onHand}
                error={onHandError}
                onChange={(v) => {
                  setOnHand(v);
                  setOnHandError(undefined);
                }}
              />
            )}
            <ErrorBanner error={error} />
            {mode === 'choose' && (
              <ChoiceActions
                hasEntry={!!entry}
                pending={pending}
                onOui={oui}
                onPresque={() => setMode('presque')}
                onNon={() => setMode('non')}
              />
            )}
            {mode === 'presque' && entry && (
              <PresqueForm
                entry={entry}
                vintage={vintage}
                formatCl={bottleCl}
                pending={pending}
                onCancel={() => setMode('choose')}
                onSubmit={(v, f) => {
                  const existing = fitting.find(
                    (d) => d.libraryEntryId === entry.id && d.vintage === v && d.formatCl === f,
                  );
                  void link(
                    existing
                      ? { kind: 'drink', drinkId: existing.id }
                      : { kind: 'library', libraryEntryId: entry.id, vintage: v, formatCl: f },
                  );
                }}
              />
            )}
            {mode === 'non' && (
              <NonForm
                proposal={proposal}
                pending={pending}
                onCancel={() => setMode('choose')}
                onSubmit={async (drink) => {
                  const err = await link({ kind: 'new', drink });
                  return err instanceof ApiError ? err : null;
                }}
              />
            )}
            <p className="panel__keys muted small">{t('sync.keys')}</p>
          </div>
        )}
      </div>
    </dialog>
  );
}
