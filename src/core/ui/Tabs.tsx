interface TabsProps<K extends string> {
  tabs: readonly K[];
  value: K;
  onChange: (key: K) => void;
  label: (key: K) => string;
  /** Each tab's test id is `${testIdPrefix}${key}`. */
  testIdPrefix: string;
}

/** A row of tabs (ARIA tablist): one selected, the others one click away. */
export function Tabs<K extends string>({ tabs, value, onChange, label, testIdPrefix }: TabsProps<K>) {
  return (
    <div className="tabs" role="tablist">
      {tabs.map((key) => (
        <button
          key={key}
          type="button"
          role="tab"
          aria-selected={value === key}
          data-testid={`${testIdPrefix}${key}`}
          className={value === key ? 'active' : ''}
          onClick={() => onChange(key)}
        >
          {label(key)}
        </button>
      ))}
    </div>
  );
}
