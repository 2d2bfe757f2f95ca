/** Pieces shared by several slides: a map sheet drawn at the slide's size, a chart that needs the cases. */
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { firstMissing, type TableStatus, unavailableKey } from '../../../core/dataset/table-status';
import { drawOfficialMap } from '../../../core/map/official-map';
import { mapSheetInput, type SheetContext } from '../map-sheet';

/** A chart of cases: it needs the case rows; without them the slide says so instead. */
export function CaseChart({
  className,
  tables,
  children,
}: {
  className: string;
  tables: TableStatus;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const missing = firstMissing(tables, ['cases']);
  return missing === null ? (
    <div className={className}>{children}</div>
  ) : (
    <p className="slide-note" data-testid="slide-chart-unavailable">
      {t(unavailableKey(tables, missing))}
    </p>
  );
}

/** A map sheet drawn at the slide's own size (crisp on any projector). */
export function SlideMap({ theme, sheet }: { theme: 'coverage' | 'hotspots'; sheet: SheetContext }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const rect = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(rect.width * dpr);
    canvas.height = Math.round(rect.height * dpr);
    const ctx = canvas.getContext('2d');
    if (ctx)
      drawOfficialMap(ctx, { width: canvas.width, height: canvas.height }, mapSheetInput(theme, sheet));
  }, [theme, sheet]);
  return <canvas ref={ref} className="slide-map" data-testid={`slide-map-${theme}`} />;
}
