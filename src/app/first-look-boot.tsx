import { createRoot } from 'react-dom/client';
import { markSectionShown, PAGE_OPENING, readFirstLook } from '../core/first-look/first-look';
import { whenDocumentState } from '../core/ui/document-state';
import i18n from '../i18n';
import { FirstLook } from './FirstLook';

/**
 * Shows the last visit's map for this address at once, when this browser kept one, until the page shows a
 * section or an error; from then on no map drawn is the opening one.
 */
export function showFirstLook(): void {
  const look = readFirstLook(PAGE_OPENING, i18n.language);
  let end: () => void = () => undefined;
  if (look) {
    const holder = document.createElement('div');
    document.body.appendChild(holder);
    const root = createRoot(holder);
    root.render(<FirstLook look={look} />);
    end = () => {
      root.unmount();
      holder.remove();
      document.documentElement.dataset.firstLook = 'replaced';
    };
  }
  whenDocumentState(['ready', 'error']).then(() => {
    markSectionShown();
    end();
  });
}
