import { warmKeptMap } from '../core/map/shared-map';
import { yieldAheadWorkTo } from '../core/sql/quiet';
import type { SqlClient } from '../core/sql/sql-client';
import { whenDocumentState } from '../core/ui/document-state';
import { idle } from '../core/ui/idle';
import { readLink } from '../core/url/link-keys';
import { prefetchSections } from './sections';
import { SECTIONS_PREPARED } from './sections-prepared';
import { APP_LINK, readUrlState } from './url-state';

/**
 * After the first section has drawn, in idle time: fetches the other sections' code and has Pengawasan's
 * engine fed and its first answer computed for the link's settings, so a switch does not wait for them.
 * Then the planner's map draws Pengawasan's kinds of layer once, out of sight, so that their GPU programs are
 * compiled before the switch. Nothing here is reported: a section that cannot be prepared says so itself when
 * it is opened. Marks SECTIONS_PREPARED when done, saying whether the programs were compiled.
 */
export async function prepareSections(sql: SqlClient): Promise<void> {
  await whenDocumentState(['ready']);
  // The engine first: its arrays, worker and first answer take longest, and a switch would wait for them. The
  // first section's own work done ahead (say the planner's case tables) waits until the arrays are read from the
  // database: a switch made at once would otherwise wait behind it.
  const started = idle()
    .then(() => import('../features/supervisor/coverage-session'))
    .then(({ coverageSession, prepareCoverage }) => {
      const search = window.location.search;
      const done = prepareCoverage(sql, readLink(APP_LINK, search).state.thresholdM, search);
      // In an object: a promise returned would be waited for whole.
      return { done, fed: coverageSession(sql, false) };
    });
  yieldAheadWorkTo(started.then(({ fed }) => fed));
  const coverage = started.then(({ done }) => done).catch(() => undefined);
  // The other sections' code is fetched once the page is idle and the engine's preparation has begun.
  await started.catch(() => undefined);
  await prefetchSections();
  await coverage;
  await idle();
  // On the planner's map only, once it is settled: after a switch made meanwhile, Pengawasan's own frames compile
  // them, and frames drawn for the warming while it opens would hold its first frames up.
  await whenDocumentState(['ready']);
  const { supervisorWarmLayers } = await import('../features/supervisor/warm-layers');
  const onPlanner = readUrlState(window.location.search).section === 'planner';
  const compiled = onPlanner && (await warmKeptMap(supervisorWarmLayers()));
  performance.mark(SECTIONS_PREPARED, { detail: { compiled } });
}
