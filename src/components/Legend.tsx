export interface LegendItem {
  color: string;
  label: string;
}

interface LegendProps {
  title: string;
  items: LegendItem[];
  note?: string;
  testId?: string;
}

/** A labelled legend: a swatch per class, in order. */
export function Legend({ title, items, note, testId = 'legend' }: LegendProps) {
  return (
    <section className="legend" data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={`${item.color}-${item.label}`} data-testid="legend-item">
            <span className="swatch" style={{ background: item.color }} />
            {item.label}
          </li>
        ))}
      </ul>
      {note && <p className="note">{note}</p>}
    </section>
  );
}
