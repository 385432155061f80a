import { useRef, useState, type InputHTMLAttributes } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { displayDate, parseDateText } from './dateText.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** ISO day (YYYY-MM-DD), or local date-time (YYYY-MM-DDTHH:mm) with `withTime`; empty for none. */
  value: string;
  /** The ISO value, or the text as typed when it is no date (the form then says so). */
  onChange: (value: string) => void;
  withTime?: boolean;
};

/**
 * A date field that always reads jj/mm/aaaa (hh:mm), with a button that opens the browser's calendar. A native date
 * input would show mm/dd/yyyy in an English browser, whatever the page's language.
 */
export function DateInput({ value, onChange, withTime = false, className, ...rest }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(() => displayDate(value));
  const [seen, setSeen] = useState(value);
  const picker = useRef<HTMLInputElement>(null);
  if (value !== seen) {
    // The form set another value (a period shown, a reset): show it.
    setSeen(value);
    setText(displayDate(value));
  }
  const emit = (next: string) => {
    setSeen(next);
    onChange(next);
  };
  const type = (raw: string) => {
    setText(raw);
    emit(raw.trim() === '' ? '' : (parseDateText(raw, withTime) ?? raw));
  };
  const open = () => {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      input.focus();
      input.click();
    }
  };
  return (
    <span className={`date-input${className ? ` ${className}` : ''}`}>
      <input
        {...rest}
        type="text"
        autoComplete="off"
        placeholder={withTime ? t('date.placeholderTime') : t('date.placeholder')}
        value={text}
        onChange={(e) => type(e.target.value)}
        onBlur={(e) => {
          const iso = parseDateText(text, withTime);
          if (iso) setText(displayDate(iso));
          rest.onBlur?.(e);
        }}
      />
      <button type="button" className="date-input__pick" aria-label={t('date.pick')} onClick={open}>
        {/* An inline icon: an emoji glyph is missing from many kiosk and Linux fonts. */}
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
        </svg>
      </button>
      <input
        ref={picker}
        className="date-input__native"
        type={withTime ? 'datetime-local' : 'date'}
        tabIndex={-1}
        aria-hidden="true"
        value={parseDateText(text, withTime) ?? ''}
        onChange={(e) => {
          setText(displayDate(e.target.value));
          emit(e.target.value);
        }}
      />
    </span>
  );
}
