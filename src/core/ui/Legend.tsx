export interface LegendItem {
  color: string;
  label: string;
  /** How the map draws it: a filled area (default), an outline, or dots. */
  shape?: 'fill' | 'outline' | 'dot';
  /** A class still being worked out: its row is kept (the legend does not grow when it comes), blank. */
  pending?: boolean;
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
        {items.map((item, k) => {
          // A pending row is drawn as its class will be (the same height), blank and left out of the page's text.
          const content = item.pending ? (
            <>
              <span className="swatch" />
              <span className="placeholder">{'\u00a0'}</span>
            </>
          ) : (
            <>
              <Swatch {...item} />
              {item.label}
            </>
          );
          return (
            <li
              key={item.pending ? `pending-${k}` : `${item.color}-${item.label}`}
              className={item.pending ? 'pending' : undefined}
              aria-hidden={item.pending || undefined}
              data-testid={item.pending ? undefined : 'legend-item'}
            >
              {onPick ? (
                <button
                  type="button"
                  className={`legend-pick${picked === item.color ? ' picked' : ''}`}
                  aria-pressed={item.pending ? undefined : picked === item.color}
                  disabled={item.pending}
                  onClick={() => onPick(picked === item.color ? null : item.color)}
                >
                  {content}
                </button>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ul>
      {note && <p className="note">{note}</p>}
    </section>
  );
}
