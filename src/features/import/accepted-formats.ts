/**
 * What a drop zone tells the user it takes and what its file picker offers, both from the one definition the
 * import itself uses (ACCEPTED_FORMATS and FORMAT_EXTENSIONS in src/core/import/types.ts).
 */
import { ACCEPTED_FORMATS, FORMAT_EXTENSIONS, FORMAT_NAMES, type ImportKind } from '../../core/import';

export interface AcceptedFormats {
  /** The formats' names, e.g. "GeoJSON". */
  names: string;
  /** The file input's `accept` attribute, e.g. ".geojson,.json". */
  accept: string;
}

export function acceptedFormats(kind: ImportKind): AcceptedFormats {
  const formats = ACCEPTED_FORMATS[kind];
  const endings = formats.flatMap((format) => FORMAT_EXTENSIONS[format].map((ext) => `.${ext}`));
  return {
    names: formats.map((format) => FORMAT_NAMES[format]).join(', '),
    accept: endings.join(','),
  };
}
