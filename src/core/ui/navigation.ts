import { createContext, type MouseEvent, useContext } from 'react';

/**
 * Moves between sections inside the app (the shell provides it): the dataset stays loaded, the address bar
 * follows (a history entry, so Back returns), and the link's href still opens a new tab.
 */
export interface Navigation {
  /** Address of the supervisor section with a village selected. */
  supervisorVillageHref(code: string): string;
  openSupervisorVillage(code: string): void;
}

const OUTSIDE_APP: Navigation = {
  supervisorVillageHref: () => '',
  openSupervisorVillage: () => {},
};

export const NavigationContext = createContext<Navigation>(OUTSIDE_APP);

export const useNavigation = (): Navigation => useContext(NavigationContext);

/** A click on an in-app link: a plain click navigates in place; with a modifier key the browser opens it. */
export function inAppClick(event: MouseEvent, go: () => void): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go();
}
