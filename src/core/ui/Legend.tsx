export interface LegendItem {
  color: string;
  label: string;
  /** How the map draws it: a filled area (default), an outline, or dots. */
  shape?: 'fill' | 'outline' | 'dot';
}

/** The item's key, drawn as the map draws it. */
function Swatch({ color, shape = 'fill' }: LegendItem) {
  const style = shape === 'fill' ? { background: color } : { borderColor: color, color };
  return <span className={`swatch${shape === 'fill' ? '' : ` ${shape}`}`} style={style} />;
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
                <Swatch {...item} />
                {item.label}
              </button>
            ) : (
              <>
                <Swatch {...item} />
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
