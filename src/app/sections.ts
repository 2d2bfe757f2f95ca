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

export const SupervisorSection = section(() =>
  import('../features/supervisor/SupervisorView').then((m) => m.SupervisorView),
);
export const InnovationSection = section(() =>
  import('../features/innovation/InnovationView').then((m) => m.InnovationView),
);
