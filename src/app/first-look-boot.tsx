import { createRoot } from 'react-dom/client';
import { pageConfig } from '../core/dataset/app-config';
import { OFFICIAL_BOUNDARIES_FILE } from '../core/dataset/boundary-file';
import { demoManifest } from '../core/dataset/dataset-source';
import { askAhead, parseJsonBytes } from '../core/dataset/fetch-bytes';
import {
  demoFirstLookFile,
  type FirstLook as Look,
  markSectionShown,
  PAGE_OPENING,
  pageOpensServerMap,
  parseDemoFirstLook,
  readFirstLook,
  servedDemoFirstLookFile,
} from '../core/first-look/first-look';
import { lookOnOfficialFile } from '../core/first-look/official-look';
import { whenDocumentState } from '../core/ui/document-state';
import i18n from '../i18n';
import { FirstLook, type FirstLookOrigin } from './FirstLook';

/** Longer than this for config.json and the demo's map: no first look. */
const DEMO_LOOK_DEADLINE_MS = 5_000;
/** The app's own load waits for the first look's paint at most this long. */
const PAINT_WAIT_MS = 1_500;

/**
 * The demo's opening map, when this page opens the demo's default map: the address opens it (nothing after
 * it but the language), config.json names no published dataset and no boundary file, and it was drawn from the
 * demo the server has now: the demo's own first look when its manifest names one, else the one served with the
 * app. It is drawn on the approximate boundaries: when the server has the official file, each village is drawn
 * in its official shape instead (official-look.ts), as the app will. Null otherwise, or on any failure: the
 * first look is a courtesy, the app's load reports its own problems.
 */
async function demoFirstLook(lang: string): Promise<Look | null> {
  if (!pageOpensServerMap(lang)) return null;
  const signal = AbortSignal.timeout(DEMO_LOOK_DEADLINE_MS);
  try {
    const text = (url: string) => fetch(url, { signal }).then((r) => (r.ok ? r.text() : ''));
    // The page's own reads of config.json, the manifest and the official file, which the app's load takes too,
    // within this deadline.
    const inTime = <T,>(read: Promise<T>) =>
      Promise.race([
        read,
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      ]);
    // All asked at once: one round trip, not two, on a slow link (the official file is the app's too, unless
    // config.json names another). No official file, or none that can be read: the approximate boundaries.
    const [config, official, withApp, manifest] = await Promise.all([
      inTime(pageConfig()),
      inTime(askAhead(OFFICIAL_BOUNDARIES_FILE, true)).catch(() => null),
      text(demoFirstLookFile(lang)),
      inTime(demoManifest()),
    ]);
    if (config.dataset || config.datasetError || config.boundariesUrl != null) return null;
    // A demo may carry its own (one made with other settings, which the app's copy does not describe).
    const own = servedDemoFirstLookFile(manifest, lang);
    const ownLook = own ? parseDemoFirstLook(await text(own), lang, manifest) : null;
    const look = ownLook ?? parseDemoFirstLook(withApp, lang, manifest);
    return look && official !== null ? lookOnOfficialFile(look, parseJsonBytes(official)) : look;
  } catch {
    return null;
  }
}

/**
 * Once the app's header is on the page, the first look covers only what is below it: the header's controls
 * (sections, data, language) work while the data loads. Returns what stops following the header.
 */
function placeBelowHeader(holder: HTMLElement): () => void {
  let resize: ResizeObserver | null = null;
  const place = (header: Element) => {
    holder.style.setProperty('--first-look-top', `${header.getBoundingClientRect().bottom}px`);
    holder.classList.add('first-look-below-header');
  };
  const find = new MutationObserver(() => {
    const header = document.querySelector('.app-header');
    if (!header) return;
    find.disconnect();
    place(header);
    resize = new ResizeObserver(() => place(header));
    resize.observe(header);
  });
  find.observe(document.getElementById('root') ?? document.body, { childList: true, subtree: true });
  return () => {
    find.disconnect();
    resize?.disconnect();
  };
}

/**
 * Shows a first look over the page at once — the last visit's map for this address when this browser kept one,
 * else the demo's opening map when the page opens it — until the page shows a section or an error; from then
 * on no map drawn is the opening one. Resolves once the first look is painted, or when there is none, or after
 * PAINT_WAIT_MS: the app's code and data, megabytes, are fetched after the small first map, not against it.
 */
export function showFirstLook(): Promise<void> {
  const lang = i18n.language;
  let settled = false;
  let end: () => void = () => undefined;
  let painted: () => void = () => undefined;
  const paint = new Promise<void>((resolve) => {
    painted = resolve;
    setTimeout(resolve, PAINT_WAIT_MS);
  });
  const show = (look: Look | null, origin: FirstLookOrigin) => {
    if (settled || !look) {
      painted();
      return;
    }
    const holder = document.createElement('div');
    document.body.appendChild(holder);
    const root = createRoot(holder);
    root.render(<FirstLook look={look} origin={origin} onPainted={painted} />);
    const unplace = placeBelowHeader(holder);
    end = () => {
      unplace();
      root.unmount();
      holder.remove();
      document.documentElement.dataset.firstLook = 'replaced';
    };
  };
  const kept = readFirstLook(PAGE_OPENING, lang);
  if (kept) show(kept, 'visit');
  else void demoFirstLook(lang).then((look) => show(look, 'demo'));
  whenDocumentState(['ready', 'error']).then(() => {
    settled = true;
    markSectionShown();
    end();
  });
  return paint;
}
