import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useAppellations } from '../api/queries.ts';
import type { Appellation } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBanner } from './Feedback.tsx';
import type { ControlProps } from './Field.tsx';
import { useDebounced } from './useDebounced.ts';

type Props = ControlProps & {
  value: string;
  /** Typing: free text, the INAO link is lost. */
  onText: (text: string) => void;
  /** Choosing a suggestion. */
  onChoose: (appellation: Appellation) => void;
};

/** An ARIA combobox over the INAO appellations: arrows, Enter to choose, Escape to close. */
export function AppellationInput({ value, onText, onChoose, ...control }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(value.trim(), 200);
  const search = useAppellations(query, open && query.length >= 2);
  const items = search.data ?? [];
  const searching = search.isFetching;
  const searched = search.isSuccess && !search.isPlaceholderData;
  const blurTimer = useRef<number | undefined>(undefined);
  // New suggestions: none is highlighted.
  const [shownItems, setShownItems] = useState(search.data);
  if (shownItems !== search.data) {
    setShownItems(search.data);
    setActive(-1);
  }

  useEffect(() => () => window.clearTimeout(blurTimer.current), []);

  const visible = open && value.trim().length >= 2 && (items.length > 0 || (searched && !searching));
  const choose = (a: Appellation) => {
    onChoose(a);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(items.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (event.key === 'Enter' && visible && active >= 0) {
      const a = items[active];
      if (a) {
        event.preventDefault();
        choose(a);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className="combobox">
      <input
        {...control}
        name="appellation"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={visible}
        aria-controls={listId}
        aria-activedescendant={visible && active >= 0 ? optionId(active) : undefined}
        value={value}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          blurTimer.current = window.setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      {searching && open && <span className="combobox__spinner spinner" aria-hidden="true" />}
      <ul
        id={listId}
        role="listbox"
        className="combobox__list"
        hidden={!visible}
        aria-label={t('form.appellation')}
      >
        {items.map((a, i) => (
          <li
            key={a.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(a)}
          >
            <span>{a.name}</span>
            <span className="combobox__meta">
              {a.sign}
              {a.wineRegion ? ` · ${a.wineRegion}` : ''}
            </span>
          </li>
        ))}
        {items.length === 0 && (
          <li className="combobox__empty" role="option" aria-disabled="true" aria-selected={false}>
            {t('form.appellationNone')}
          </li>
        )}
      </ul>
      {open && <ErrorBanner error={search.error} onRetry={() => void search.refetch()} />}
    </div>
  );
}
