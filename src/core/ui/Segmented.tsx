interface SegmentedProps<T extends string> {
  /** What the choice is about (read by screen readers). */
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  optionLabel: (option: T) => string;
  /** Each button's test id is `<testIdPrefix>-<option>`. */
  testIdPrefix: string;
  testId?: string;
}

/** A row of buttons of which exactly one is pressed (unit, level, map mode…). */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  optionLabel,
  testIdPrefix,
  testId,
}: SegmentedProps<T>) {
  return (
    <fieldset className="segmented" aria-label={label} data-testid={testId}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          data-testid={`${testIdPrefix}-${option}`}
          aria-pressed={value === option}
          className={value === option ? 'active' : ''}
          onClick={() => onChange(option)}
        >
          {optionLabel(option)}
        </button>
      ))}
    </fieldset>
  );
}
