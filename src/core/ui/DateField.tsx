import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLayout, formatDateText, parseDateText } from './date-text';
import { useFormat } from './use-format';

interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or null for none. */
  value: string | null;
  onChange: (value: string | null) => void;
  testId: string;
  disabled?: boolean;
  className?: string;
}

/**
 * A labelled date typed in the chosen language's order (date-text.ts). A whole, real date — or nothing — is set
 * as it is typed; anything else is said under the field when the user leaves it or presses Enter, and the value
 * set stays as it was.
 */
export function DateField({ label, value, onChange, testId, disabled, className }: DateFieldProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const shown = formatDateText(value, locale);
  const [draft, setDraft] = useState(shown);
  const [wrong, setWrong] = useState(false);
  const errorId = useId();
  // A value set from elsewhere (reset, a link, another language) replaces what was typed.
  useEffect(() => {
    setDraft(shown);
    setWrong(false);
  }, [shown]);
  const { order, separator } = dateLayout(locale);
  const format = order.map((part) => t(`dateField.${part}`)).join(separator);
  const type = (text: string) => {
    setDraft(text);
    const parsed = parseDateText(text, locale);
    if (parsed === null) return;
    setWrong(false);
    const next = parsed === '' ? null : parsed;
    if (next !== value) onChange(next);
  };
  const leave = () => {
    if (parseDateText(draft, locale) === null) setWrong(true);
    else setDraft(shown);
  };
  return (
    <label className={`field ${className ?? ''}`}>
      <span>{label}</span>
      <input
        type="text"
        className="date-text"
        inputMode="numeric"
        autoComplete="off"
        data-testid={testId}
        placeholder={format}
        value={draft}
        disabled={disabled}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? errorId : undefined}
        onChange={(e) => type(e.target.value)}
        onBlur={leave}
        onKeyDown={(e) => {
          if (e.key === 'Enter') leave();
        }}
      />
      {wrong && (
        <span id={errorId} className="warning" role="alert" data-testid={`${testId}-error`}>
          {t('dateField.invalid', { format, example: formatDateText('2026-10-31', locale) })}
        </span>
      )}
    </label>
  );
}
