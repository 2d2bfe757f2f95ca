export interface LegendItem {
  color: string;
  label: string;
}

interface LegendProps {
  title: string;
  items: LegendItem[];
  note?: string;
  testId?: string;
  /** When given, an item can be picked (by its colour) to pick out the areas drawn in it; again to drop. */
  onPick?: (color: string | null) => void;
  picked?: string | null;
}

/** A labelled legend: a swatch per class, in order. */
export function Legend({ title, items, note, testId = 'legend', onPick, picked = null }: LegendProps) {
  return (
    <section className="legend" data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={`${item.color}-${item.label}`} data-testid="legend-item">
            {onPick ? (
              <button
                type="button"
                className={`legend-pick${picked === item.color ? ' picked' : ''}`}
                aria-pressed={picked === item.color}
                onClick={() => onPick(picked === item.color ? null : item.color)}
              >
                <span className="swatch" style={{ background: item.color }} />
                {item.label}
              </button>
            ) : (
              <>
                <span className="swatch" style={{ background: item.color }} />
                {item.label}
              </>
            )}
          </li>
        ))}
      </ul>
      {note && <p className="note">{note}</p>}
    </section>
  );
}
