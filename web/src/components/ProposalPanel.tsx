import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, isAbort } from '../api/client.ts';
import { syncApi } from '../api/endpoints.ts';
import {
  DRINK_TYPES,
  type Colour,
  type Drink,
  type DrinkThatFits,
  type DrinkType,
  type LibraryEntry,
  type LinkTarget,
  type Proposal,
  type TillProduct,
} from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import {
  EMPTY_DRINK,
  OTHER_FORMAT,
  STANDARD_FORMATS,
  toInput,
  type DrinkFormValues,
  type FormErrors,
} from '../pages/drinkFormValues.ts';
import { AppellationInput } from './AppellationInput.tsx';
import { ErrorBanner, Loading, SubmitButton } from './Feedback.tsx';
import { TypeColourFields, VintageFields } from './DrinkFormFields.tsx';
import { Field } from './Field.tsx';
import { drinkTitle, formatCl } from './format.ts';
import { factorText, parseFactor } from './tillFormat.ts';

type Mode = 'choose' | 'presque' | 'non';
type Props = {
  eid: string;
  product: TillProduct;
  onClose: () => void;
  onLinked: (drink: Drink) => void;
};

const MAX_ALTERNATIVES = 5;
/** The matcher's reasons, as words. */
const WHY: Record<string, MessageKey> = {
  producer: 'sync.whyProducer',
  cuvee: 'sync.whyCuvee',
  appellation: 'sync.whyAppellation',
  name: 'sync.whyName',
  region: 'sync.whyRegion',
  type: 'sync.whyType',
  colour: 'sync.whyColour',
  learnt: 'sync.whyLearnt',
  shared: 'sync.whyShared',
  catalogue: 'sync.whyCatalogue',
};
const asColour = (c: string | null | undefined): Colour | '' =>
  c === 'rouge' || c === 'blanc' || c === 'rosé' ? c : '';
const asType = (c: string | null | undefined): DrinkType =>
  (DRINK_TYPES as readonly string[]).includes(c ?? '') ? (c as DrinkType) : 'wine';
const titleCase = (s: string) =>
  s.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());

function entryTitle(e: LibraryEntry): string {
  return [e.producer, e.cuvee].filter(Boolean).join(' · ') || e.appellation || e.name;
}

/** The Oui / Presque / Non panel for one till product; the whole panel works from the keyboard. */
export function ProposalPanel({ eid, product, onClose, onLinked }: Props) {
  const { t, num } = useI18n();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [proposal, setProposal] = useState<Proposal | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState(-1);
  const [mode, setMode] = useState<Mode>('choose');
  const [factor, setFactor] = useState('1');
  const [factorError, setFactorError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    syncApi
      .proposal(eid, product.id, controller.signal)
      .then((p) => {
        setProposal(p);
        const bestIndex = p.best ? p.answer.candidates.findIndex((c) => c.id === p.best?.entry.id) : -1;
        setSelected(p.best ? Math.max(0, bestIndex) : -1);
        setFactor(factorText(p.factor.factor, num));
      })
      .catch((err: unknown) => {
        if (!isAbort(err)) setLoadError(err);
      });
    return () => controller.abort();
  }, [eid, product.id, num]);

  useEffect(() => {
    root.current?.focus();
  }, [proposal]);

  // Back to the choice: focus returns to the panel so that the letters work again.
  useEffect(() => {
    if (mode === 'choose') root.current?.focus();
  }, [mode]);

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
    setPending(true);
    setError(null);
    try {
      const result = await syncApi.link(eid, product.id, target, f);
      onLinked(result.drink);
    } catch (err) {
      setError(err);
      setPending(false);
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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const typing = target.matches('input, select, textarea, [contenteditable="true"]');
    if (event.key === 'Escape') {
      // A combobox closing its list keeps the panel open.
      if (event.defaultPrevented) return;
      event.preventDefault();
      if (mode !== 'choose') setMode('choose');
      else onClose();
      return;
    }
    if (event.key === 'Tab') {
      trapFocus(event, root.current);
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

  const colourName = (c: string | null) => {
    const known = asColour(c);
    return known ? t(`colour.${known}`) : c;
  };
  const answer = proposal?.answer;
  return (
    <div className="panel-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={root}
        onKeyDown={onKeyDown}
      >
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
        {loadError ? <ErrorBanner error={loadError} /> : null}
        {!proposal && !loadError && <Loading />}
        {proposal && answer && (
          <div className="panel__body">
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

            {mode === 'choose' && (
              <>
                <section className={`proposal proposal--${answer.decision}`} aria-label={t('sync.proposal')}>
                  <p className="proposal__decision">
                    {entry
                      ? selected === 0 && proposal.best
                        ? t(`sync.decision.${answer.decision}`)
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
                      {sameDrink && <p className="muted">{t('sync.ouiUsesDrink')}</p>}
                    </>
                  )}
                </section>

                {shown.length > 1 || (shown.length > 0 && selected < 0) ? (
                  <section aria-label={t('sync.alternatives')}>
                    <h3>{t('sync.alternatives')}</h3>
                    <p className="muted small">{t('sync.alternativesHint')}</p>
                    <ul className="alternatives">
                      {shown.map((c, i) => {
                        const e = proposal.answer.entries[c.id];
                        if (!e) return null;
                        return (
                          <li key={c.id}>
                            <button
                              type="button"
                              className={`alternative${i === selected ? ' alternative--on' : ''}`}
                              aria-pressed={i === selected}
                              onClick={() => setSelected(i)}
                            >
                              <span className="alternative__name">{entryTitle(e)}</span>
                              <span className="muted">
                                {[e.appellation, e.colour].filter(Boolean).join(' · ')}
                              </span>
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                ) : null}

                {fitting.length > 0 && (
                  <section aria-label={t('sync.drinksThatFit')}>
                    <h3>{t('sync.drinksThatFit')}</h3>
                    <ul className="fitting">
                      {fitting.map((d) => (
                        <FittingDrink
                          key={d.id}
                          drink={d}
                          pending={pending}
                          onLink={() => void link({ kind: 'drink', drinkId: d.id })}
                        />
                      ))}
                    </ul>
                  </section>
                )}
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
            <ErrorBanner error={error} />

            {mode === 'choose' && (
              <div className="panel__actions">
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={!entry || pending}
                  aria-busy={pending}
                  onClick={oui}
                  aria-keyshortcuts="Enter"
                >
                  {t('sync.oui')} <kbd>↵</kbd>
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={!entry || pending}
                  onClick={() => setMode('presque')}
                  aria-keyshortcuts="P"
                >
                  {t('sync.presque')} <kbd>P</kbd>
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={pending}
                  onClick={() => setMode('non')}
                  aria-keyshortcuts="N"
                >
                  {t('sync.non')} <kbd>N</kbd>
                </button>
              </div>
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

function FactorField({
  value,
  error,
  onChange,
  pourCl,
  bottleCl,
  factor,
}: {
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
  pourCl: number;
  bottleCl: number;
  factor: number;
}) {
  const { t, num } = useI18n();
  const explain =
    Number.isNaN(factor) || pourCl >= bottleCl
      ? t('sync.factorWhole')
      : t('sync.factorExplain', {
          pour: num(pourCl),
          format: num(bottleCl),
          fraction: factorText(pourCl / bottleCl, num),
        });
  return (
    <Field label={t('sync.factor')} error={error} hint={explain} className="factor-field">
      {(p) => (
        <input
          {...p}
          name="factor"
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function PresqueForm({
  entry,
  vintage,
  formatCl: initialFormat,
  pending,
  onCancel,
  onSubmit,
}: {
  entry: LibraryEntry;
  vintage: number | null;
  formatCl: number;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (vintage: number | null, formatCl: number) => void;
}) {
  const { t, num } = useI18n();
  const [year, setYear] = useState(vintage === null ? '' : String(vintage));
  const [nonVintage, setNonVintage] = useState(vintage === null);
  const [format, setFormat] = useState(String(initialFormat));
  const [error, setError] = useState<string | undefined>(undefined);
  const yearInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    yearInput.current?.focus();
    yearInput.current?.select();
  }, []);
  const formats = [...new Set([...STANDARD_FORMATS, ...entry.formatsCl, initialFormat])].sort(
    (a, b) => a - b,
  );
  const max = new Date().getFullYear() + 1;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let v: number | null = null;
    if (!nonVintage) {
      const y = Number(year.trim());
      if (!/^\d{4}$/.test(year.trim()) || y < 1800 || y > max) {
        setError(t('form.err.vintage', { max: String(max) }));
        return;
      }
      v = y;
    }
    onSubmit(v, Number(format));
  };
  return (
    <form className="presque" onSubmit={submit} noValidate aria-label={t('sync.presqueTitle')}>
      <h3>{t('sync.presqueTitle')}</h3>
      <p className="muted">{t('sync.presqueLead', { name: entryTitle(entry) })}</p>
      <div className="form-row form-row--end">
        <Field label={t('form.vintage')} error={error}>
          {(p) => (
            <input
              {...p}
              ref={yearInput}
              name="vintage"
              inputMode="numeric"
              maxLength={4}
              disabled={nonVintage}
              value={nonVintage ? '' : year}
              list="presque-vintages"
              onChange={(e) => {
                setYear(e.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <datalist id="presque-vintages">
          {entry.vintages.slice(-15).map((y) => (
            <option key={y} value={y} />
          ))}
        </datalist>
        <label className="check">
          <input type="checkbox" checked={nonVintage} onChange={(e) => setNonVintage(e.target.checked)} />
          {t('form.nonVintage')}
        </label>
        <Field label={t('form.format')}>
          {(p) => (
            <select {...p} name="format" value={format} onChange={(e) => setFormat(e.target.value)}>
              {formats.map((f) => (
                <option key={f} value={String(f)}>
                  {num(f)} cl
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="panel__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.back')}
        </button>
        <SubmitButton pending={pending} label={t('sync.presqueSubmit')} pendingLabel={t('common.saving')} />
      </div>
    </form>
  );
}

/** Non: the drink typed by hand, prefilled from what the label says and the closest candidates. */
function NonForm({
  proposal,
  pending,
  onCancel,
  onSubmit,
}: {
  proposal: Proposal;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (drink: NonNullable<ReturnType<typeof toInput>['input']>) => Promise<ApiError | null>;
}) {
  const { t, num } = useI18n();
  const [values, setValues] = useState<DrinkFormValues>(() => prefill(proposal));
  const [errors, setErrors] = useState<FormErrors>({});
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = <K extends keyof DrinkFormValues>(key: K, value: DrinkFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = toInput(values, t);
    setErrors(found);
    if (!input) return;
    const err = await onSubmit(input);
    if (err && err.fields.length > 0) setErrors(err.fieldMap());
  };

  const text = (key: 'producer' | 'cuvee' | 'region', label: string) => (
    <Field label={label} error={errors[key]}>
      {(p) => (
        <input
          {...p}
          name={key}
          maxLength={200}
          value={values[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="non-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('sync.nonTitle')}>
      <h3>{t('sync.nonTitle')}</h3>
      {proposal.answer.identityText && (
        <p className="muted">{t('sync.nonLead', { text: proposal.answer.identityText })}</p>
      )}
      <TypeColourFields values={values} errors={errors} set={set} typeRef={first} />
      {text('producer', t('form.producer'))}
      {text('cuvee', t('form.cuvee'))}
      <Field label={t('form.appellation')} error={errors.appellation ?? errors.appellationId}>
        {(p) => (
          <AppellationInput
            {...p}
            value={values.appellation}
            onText={(v) => setValues((s) => ({ ...s, appellation: v, appellationId: null }))}
            onChoose={(a) =>
              setValues((s) => ({
                ...s,
                appellation: a.name,
                appellationId: a.id,
                region: a.wineRegion ?? s.region,
                country: 'France',
              }))
            }
          />
        )}
      </Field>
      <div className="form-row form-row--end">
        <VintageFields values={values} errors={errors} set={set} />
        <Field label={t('form.format')} error={errors.formatCl}>
          {(p) => (
            <select
              {...p}
              name="format"
              value={values.format}
              onChange={(e) => set('format', e.target.value)}
            >
              {STANDARD_FORMATS.map((f) => (
                <option key={f} value={String(f)}>
                  {num(f)} cl
                </option>
              ))}
              {values.format === OTHER_FORMAT && (
                <option value={OTHER_FORMAT}>{values.formatCustom} cl</option>
              )}
            </select>
          )}
        </Field>
      </div>
      <div className="panel__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.back')}
        </button>
        <SubmitButton pending={pending} label={t('sync.nonSubmit')} pendingLabel={t('common.saving')} />
      </div>
    </form>
  );
}

function prefill(p: Proposal): DrinkFormValues {
  const a = p.answer;
  const top = a.candidates[0] ? a.entries[a.candidates[0].id] : undefined;
  // An appellation guess: one that the closest candidates agree on, or none.
  const appellations = a.candidates
    .map((c) => a.entries[c.id]?.appellation)
    .filter((x): x is string => !!x)
    .slice(0, 3);
  const appellation =
    appellations.length > 0 && appellations.every((x) => x === appellations[0]) ? appellations[0] : '';
  const formatCl = p.best?.formatCl ?? (a.serving === 'magnum' ? 150 : a.serving === 'half' ? 37.5 : 75);
  const standard = (STANDARD_FORMATS as readonly number[]).includes(formatCl);
  return {
    ...EMPTY_DRINK,
    type: asType(top?.type),
    colour: asColour(a.colour ?? top?.colour),
    producer: a.identityText ? titleCase(a.identityText) : '',
    appellation: appellation ?? '',
    region: top && appellation ? (top.region ?? '') : '',
    country: top && appellation ? (top.country ?? '') : '',
    vintage: a.vintage === null ? '' : String(a.vintage),
    nonVintage: a.vintage === null,
    format: standard ? String(formatCl) : OTHER_FORMAT,
    formatCustom: standard ? '' : String(formatCl).replace('.', ','),
  };
}

function trapFocus(event: KeyboardEvent<HTMLDivElement>, container: HTMLElement | null) {
  if (!container) return;
  const focusable = [
    ...container.querySelectorAll<HTMLElement>(
      'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea, summary, [tabindex="0"]',
    ),
  ];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
