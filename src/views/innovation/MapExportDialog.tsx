import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../components/download';
import { useFormat } from '../../components/use-format';
import { mapSheetInput, type SheetContext } from './map-sheet';
import type { MapTheme } from './map-themes';
import { type MapSize, officialMapPng, PAPER_MM, paperPixels } from './official-map';

type SizeChoice = 'a4' | 'a3' | 'hd' | 'custom';
const DPIS = [96, 150, 300] as const;

/** Chooses theme, size and resolution, then saves the official map sheet as PNG. */
export function MapExportDialog({ sheet, onClose }: { sheet: SheetContext; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [theme, setTheme] = useState<MapTheme>('coverage');
  const [size, setSize] = useState<SizeChoice>('a4');
  const [dpi, setDpi] = useState<number>(150);
  const [custom, setCustom] = useState<MapSize>({ width: 2400, height: 1600 });
  const [busy, setBusy] = useState(false);
  const pixels: MapSize =
    size === 'hd'
      ? { width: 1920, height: 1080 }
      : size === 'custom'
        ? custom
        : paperPixels(PAPER_MM[size], dpi);
  const tooBig = pixels.width * pixels.height > 40_000_000 || pixels.width < 800 || pixels.height < 500;

  const save = async () => {
    setBusy(true);
    try {
      const png = await officialMapPng(pixels, mapSheetInput(theme, sheet));
      saveBlob(
        `peta-${theme === 'coverage' ? 'cakupan' : 'kebutuhan'}-${pixels.width}x${pixels.height}.png`,
        png,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-label={t('innovation.export.mapTitle')}
        data-testid="map-export"
      >
        <h3>{t('innovation.export.mapTitle')}</h3>
        <label className="field">
          {t('innovation.export.theme')}
          <select
            data-testid="map-theme"
            value={theme}
            onChange={(e) => setTheme(e.target.value as MapTheme)}
          >
            <option value="coverage">{t('innovation.map.coverageTitle')}</option>
            <option value="hotspots">{t('innovation.map.hotspotsTitle')}</option>
          </select>
        </label>
        <label className="field">
          {t('innovation.export.size')}
          <select data-testid="map-size" value={size} onChange={(e) => setSize(e.target.value as SizeChoice)}>
            <option value="a4">{t('innovation.export.a4')}</option>
            <option value="a3">{t('innovation.export.a3')}</option>
            <option value="hd">{t('innovation.export.hd')}</option>
            <option value="custom">{t('innovation.export.custom')}</option>
          </select>
        </label>
        {(size === 'a4' || size === 'a3') && (
          <label className="field">
            {t('innovation.export.dpi')}
            <select data-testid="map-dpi" value={dpi} onChange={(e) => setDpi(Number(e.target.value))}>
              {DPIS.map((d) => (
                <option key={d} value={d}>
                  {d} dpi
                </option>
              ))}
            </select>
          </label>
        )}
        {size === 'custom' && (
          <div className="toolbar">
            <input
              type="number"
              min={800}
              max={8000}
              value={custom.width}
              aria-label={t('innovation.export.width')}
              onChange={(e) => setCustom((c) => ({ ...c, width: Number(e.target.value) }))}
            />
            ×
            <input
              type="number"
              min={500}
              max={8000}
              value={custom.height}
              aria-label={t('innovation.export.height')}
              onChange={(e) => setCustom((c) => ({ ...c, height: Number(e.target.value) }))}
            />
          </div>
        )}
        <p className="muted small" data-testid="map-pixels">
          {t('innovation.export.pixels', { width: f.int(pixels.width), height: f.int(pixels.height) })}
        </p>
        {tooBig && <p className="warning">{t('innovation.export.tooBig')}</p>}
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            data-testid="save-map-png"
            disabled={busy || tooBig}
            onClick={save}
          >
            {t('innovation.export.savePng')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('innovation.export.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
