import { useTranslation } from 'react-i18next';

interface DropZoneProps {
  /** Names the zone in tests: `drop-<id>` and `file-<id>`. */
  id: string;
  title: string;
  /** The formats it takes, as told to the user. */
  formats: string;
  accept: string;
  file: File | undefined;
  onFile: (file: File | undefined) => void;
}

/** One file of an import: click to choose it or drop it here. */
export function DropZone({ id, title, formats, accept, file, onFile }: DropZoneProps) {
  const { t } = useTranslation();
  return (
    <label
      className={`drop-zone${file ? ' filled' : ''}`}
      data-testid={`drop-${id}`}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        onFile(e.dataTransfer.files[0]);
      }}
    >
      <strong>{title}</strong>
      <span>{file?.name ?? `${t('import.drop')} ${t('import.choose')}`}</span>
      <span className="muted">{formats}</span>
      <input
        type="file"
        data-testid={`file-${id}`}
        accept={accept}
        onChange={(e) => onFile(e.target.files?.[0])}
      />
    </label>
  );
}
