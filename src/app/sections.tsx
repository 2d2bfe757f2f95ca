import { type ComponentType, lazy, useState } from 'react';
import { runStep } from '../core/dataset/load-guard';
import type { SupervisorView } from '../features/supervisor/SupervisorView';

/**
 * A section's code, fetched when the section is first opened, or ahead of it (prefetchSections): the first map
 * does not wait for Pengawasan or Inovasi. A fetch that fails, or hears nothing within the load deadline, ends
 * in the section's error message (reloading the page fetches it again); it never leaves the section waiting.
 *
 * Once fetched, the section is drawn at once: a lazy component would still suspend on its first draw, and React
 * then holds the section back behind its "loading" line for up to 300 ms (the throttle of Suspense reveals).
 */
interface SectionCode<P> {
  /** The section's component once its code is in. */
  loaded: ComponentType<P> | null;
  /** The same, fetched on its first draw (shown behind the Suspense fallback meanwhile). */
  lazy: ComponentType<P>;
  prefetch: () => Promise<unknown>;
}

function sectionCode<P extends object>(load: () => Promise<ComponentType<P>>): SectionCode<P> {
  const code: SectionCode<P> = {
    loaded: null,
    lazy: lazy(async () => ({ default: await runStep({ step: 'section' }, fetch) })),
    prefetch: fetch,
  };
  function fetch() {
    return load().then((component) => {
      code.loaded = component;
      return component;
    });
  }
  return code;
}

function Section<P extends object>({ code, props }: { code: SectionCode<P>; props: P }) {
  // Chosen once per opening: the same component for as long as the section is shown.
  const [Shown] = useState(() => code.loaded ?? code.lazy);
  return <Shown {...props} />;
}

type SupervisorProps = Parameters<typeof SupervisorView>[0];

const supervisor = sectionCode<SupervisorProps>(() =>
  import('../features/supervisor/SupervisorView').then((m) => m.SupervisorView),
);
const innovation = sectionCode<Record<string, never>>(() =>
  import('../features/innovation/InnovationView').then((m) => m.InnovationView),
);

export function SupervisorSection(props: SupervisorProps) {
  return <Section code={supervisor} props={props} />;
}

export function InnovationSection() {
  return <Section code={innovation} props={{}} />;
}

/** Fetches the sections' code ahead of a switch (a failure waits for the switch, which says what failed). */
export async function prefetchSections(): Promise<void> {
  await Promise.allSettled([supervisor.prefetch(), innovation.prefetch()]);
}
