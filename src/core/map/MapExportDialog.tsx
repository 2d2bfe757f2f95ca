import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../export/download';
import { useEscape } from '../ui/use-escape';
import { useFormat } from '../ui/use-format';
import { type MapSize, type OfficialMapInput, officialMapPng, PAPER_MM, paperPixels } from './official-map';

type SizeChoice = 'a4' | 'a3' | 'hd' | 'custom';
const DPIS = [96, 150, 300] as const;

interface MapExportDialogProps {
  /** The sheet to draw, built when the user saves. */
  sheet: () => OfficialMapInput;
  /** Start of the file name; the size in pixels is added. */
  fileStem: string;
  onClose: () => void;
  /** More choices, shown above the size (e.g. the map's theme). */
  children?: ReactNode;
}

/** Chooses size and resolution, then saves the map in official print style as PNG and closes (Escape closes too). */
export function MapExportDialog({ sheet, fileStem, onClose, children }: MapExportDialogProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [size, setSize] = useState<SizeChoice>('a4');
  const [dpi, setDpi] = useState<number>(150);
  const [custom, setCustom] = useState<MapSize>({ width: 2400, height: 1600 });
  const [busy, setBusy] = useState(false);
  useEscape(onClose, !busy);
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
      const png = await officialMapPng(pixels, sheet());
      saveBlob(`${fileStem}-${pixels.width}x${pixels.height}.png`, png);
      onClose();
    } catch {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-label={t('mapExport.title')}
        data-testid="map-export"
      >
        <h3>{t('mapExport.title')}</h3>
        {children}
        <label className="field">
          {t('mapExport.size')}
          <select data-testid="map-size" value={size} onChange={(e) => setSize(e.target.value as SizeChoice)}>
            <option value="a4">{t('mapExport.a4')}</option>
            <option value="a3">{t('mapExport.a3')}</option>
            <option value="hd">{t('mapExport.hd')}</option>
            <option value="custom">{t('mapExport.custom')}</option>
          </select>
        </label>
        {(size === 'a4' || size === 'a3') && (
          <label className="field">
            {t('mapExport.dpi')}
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
              aria-label={t('mapExport.width')}
              onChange={(e) => setCustom((c) => ({ ...c, width: Number(e.target.value) }))}
            />
            ×
            <input
              type="number"
              min={500}
              max={8000}
              value={custom.height}
              aria-label={t('mapExport.height')}
              onChange={(e) => setCustom((c) => ({ ...c, height: Number(e.target.value) }))}
            />
          </div>
        )}
        <p className="muted small" data-testid="map-pixels">
          {t('mapExport.pixels', { width: f.int(pixels.width), height: f.int(pixels.height) })}
        </p>
        {tooBig && <p className="warning">{t('mapExport.tooBig')}</p>}
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            data-testid="save-map-png"
            disabled={busy || tooBig}
            onClick={save}
          >
            {t('mapExport.savePng')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('mapExport.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
