import { useTranslation } from 'react-i18next';
import { checkFileSize, fatalMessage } from '../../core/import';

interface DropZoneProps {
  /** Names the zone in tests: `drop-<id>`, `formats-<id>` and `file-<id>`. */
  id: string;
  title: string;
  /** The formats it takes, as told to the user. */
  formats: string;
  accept: string;
  file: File | undefined;
  /** A file of an acceptable size was chosen. */
  onFile: (file: File) => void;
  /** A file was refused (too large), with the message saying why. */
  onRefused: (message: string) => void;
}

/** One file of an import: click to choose it or drop it here. */
export function DropZone({ id, title, formats, accept, file, onFile, onRefused }: DropZoneProps) {
  const { t, i18n } = useTranslation();
  // Refused before a single byte is read, so a huge file cannot exhaust the tab's memory.
  const pick = (picked: File | undefined) => {
    if (!picked) return;
    const tooLarge = checkFileSize(picked.name, picked.size);
    if (tooLarge)
      onRefused(`${picked.name}: ${fatalMessage(tooLarge, i18n.language === 'en' ? 'en' : 'id')}`);
    else onFile(picked);
  };
  return (
    <label
      className={`drop-zone${file ? ' filled' : ''}`}
      data-testid={`drop-${id}`}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        pick(e.dataTransfer.files[0]);
      }}
    >
      <strong>{title}</strong>
      <span>{file?.name ?? `${t('import.drop')} ${t('import.choose')}`}</span>
      <span className="muted" data-testid={`formats-${id}`}>
        {formats}
      </span>
      <input
        type="file"
        data-testid={`file-${id}`}
        accept={accept}
        onChange={(e) => pick(e.target.files?.[0])}
      />
    </label>
  );
}
