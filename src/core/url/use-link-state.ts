import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';
import { publishNotices } from '../ui/settings-notices';
import { type LinkCodec, readLink, writeLink } from './link-keys';
import type { Parsed } from './parsed';
import { useUrlSync } from './use-url-sync';

/**
 * A feature's settings, read from the link when the feature opens (values that could not be used shown as
 * notices under `source`) and written back into it on every change. `read` replaces the codec's reading
 * when a feature also accepts older links.
 */
export function useLinkState<S>(
  codec: LinkCodec<S>,
  source: string,
  read: (search: string) => Parsed<S> = (search) => readLink(codec, search),
): [S, Dispatch<SetStateAction<S>>, Parsed<S>] {
  const [fromLink] = useState(() => read(window.location.search));
  const [state, setState] = useState<S>(fromLink.state);
  useEffect(() => publishNotices(source, fromLink.notices), [source, fromLink]);
  const write = useCallback((search: string, s: S) => writeLink(codec, search, s), [codec]);
  useUrlSync(state, write);
  return [state, setState, fromLink];
}
