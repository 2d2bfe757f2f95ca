import { type ComponentType, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runStep } from '../core/dataset/load-guard';
import type { SupervisorView } from '../features/supervisor/SupervisorView';

/**
 * A section's code, fetched when the section is first opened, or ahead of it (prefetchSections): the first map
 * does not wait for Pengawasan or Inovasi. A fetch that fails, or hears nothing within the load deadline, ends
 * in the section's error message (reloading the page fetches it again); it never leaves the section waiting.
 *
 * Not a lazy component under Suspense: React holds content revealed after a Suspense fallback back for up to
 * 300 ms (the throttle of Suspense reveals), so a switch made before the code was in would wait that long after
 * it arrived. The section shows the loading line while its code downloads and is drawn as soon as it is in.
 */
interface SectionCode<P> {
  /** The section's component once its code is in. */
  loaded: ComponentType<P> | null;
  /** Fetches it (once: later calls share the first download). */
  fetch: () => Promise<ComponentType<P>>;
}

function sectionCode<P extends object>(load: () => Promise<ComponentType<P>>): SectionCode<P> {
  let download: Promise<ComponentType<P>> | null = null;
  const code: SectionCode<P> = {
    loaded: null,
    fetch: () => {
      download ??= load().then(
        (component) => {
          code.loaded = component;
          return component;
        },
        (error: unknown) => {
          // Asked for again when the section is opened again.
          download = null;
          throw error;
        },
      );
      return download;
    },
  };
  return code;
}

function Section<P extends object>({ code, props }: { code: SectionCode<P>; props: P }) {
  const { t } = useTranslation();
  // Chosen once per opening: the same component for as long as the section is shown.
  const [Shown, setShown] = useState<ComponentType<P> | null>(() => code.loaded);
  // A failed download is thrown while drawing, so that the section's error boundary says what failed.
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  if (failure) throw failure.error;
  useEffect(() => {
    if (Shown) return;
    let live = true;
    runStep({ step: 'section' }, code.fetch).then(
      (component) => live && setShown(() => component),
      (error: unknown) => live && setFailure({ error }),
    );
    return () => {
      live = false;
    };
  }, [Shown, code]);
  return Shown ? <Shown {...props} /> : <p className="view-note">{t('viewError.loading')}</p>;
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
  await Promise.allSettled([supervisor.fetch(), innovation.fetch()]);
}
