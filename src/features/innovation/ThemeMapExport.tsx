import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapExportDialog } from '../../core/map/MapExportDialog';
import { mapSheetInput, type SheetContext } from './map-sheet';
import { MAP_THEMES, type MapTheme } from './map-themes';

/** The official map sheet of Bappeda's two themes (coverage, need hotspots), saved as PNG. */
export function ThemeMapExport({ sheet, onClose }: { sheet: SheetContext; onClose: () => void }) {
  const { t } = useTranslation();
  const [theme, setTheme] = useState<MapTheme>('coverage');
  return (
    <MapExportDialog
      sheet={() => mapSheetInput(theme, sheet)}
      fileStem={`peta-${theme === 'coverage' ? 'cakupan' : 'kebutuhan'}`}
      onClose={onClose}
    >
      <label className="field">
        {t('innovation.export.theme')}
        <select data-testid="map-theme" value={theme} onChange={(e) => setTheme(e.target.value as MapTheme)}>
          {MAP_THEMES.map((m) => (
            <option key={m} value={m}>
              {t(`innovation.map.${m}Title`)}
            </option>
          ))}
        </select>
      </label>
    </MapExportDialog>
  );
}
