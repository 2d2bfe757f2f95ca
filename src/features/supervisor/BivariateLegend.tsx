import { BIVARIATE_PALETTE } from '../../core/map/palette';

interface BivariateLegendProps {
  title: string;
  xLabel: string;
  yLabel: string;
  note: string;
}

/** The 3×3 key of a bivariate map: x grows to the right, y grows upwards. */
export function BivariateLegend({ title, xLabel, yLabel, note }: BivariateLegendProps) {
  return (
    <section className="legend bivariate" data-testid="bivariate-legend" aria-label={title}>
      <h3>{title}</h3>
      <div className="bivariate-key">
        <span className="y-label">{yLabel}</span>
        <div className="grid">
          {[2, 1, 0].map((y) =>
            [0, 1, 2].map((x) => (
              <span
                key={`${x}-${y}`}
                className="cell"
                data-testid="legend-item"
                style={{ background: BIVARIATE_PALETTE[y]?.[x] }}
              />
            )),
          )}
        </div>
        <span className="x-label">{xLabel}</span>
      </div>
      <p className="note">{note}</p>
    </section>
  );
}
