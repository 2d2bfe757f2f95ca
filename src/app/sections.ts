import { type ComponentType, lazy } from 'react';
import { runStep } from '../core/dataset/load-guard';

/**
 * A section's code, fetched when the section is first opened: the first map does not wait for Pengawasan or
 * Inovasi. A fetch that fails, or hears nothing within the load deadline, ends in the section's error message
 * (reloading the page fetches it again); it never leaves the section waiting.
 */
function section<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await runStep({ step: 'section' }, load) }));
}

const supervisorView = () => import('../features/supervisor/SupervisorView');
const innovationView = () => import('../features/innovation/InnovationView');

export const SupervisorSection = section(() => supervisorView().then((m) => m.SupervisorView));
export const InnovationSection = section(() => innovationView().then((m) => m.InnovationView));

/** Fetches the sections' code ahead of a switch (the browser keeps the modules; a failure waits for the switch). */
export async function prefetchSections(): Promise<void> {
  await Promise.allSettled([supervisorView(), innovationView()]);
}
