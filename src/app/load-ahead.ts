/**
 * The server's data asked for at the page's boot (main.tsx), beside the database and before the app's code:
 * on a slow link its files download while the first look is drawn and the app's code arrives, instead of
 * after them. The first load takes each read (fetch-bytes.ts) and forgets what it did not take. A failure is
 * reported by the load that takes it; anything else that goes wrong here leaves the load to ask itself.
 */
import { pageConfig } from '../core/dataset/app-config';
import { LAND_FILE, OFFICIAL_BOUNDARIES_FILE } from '../core/dataset/boundary-file';
import { serverSource } from '../core/dataset/dataset-source';
import { askAhead } from '../core/dataset/fetch-bytes';
import { GAZETTEER } from '../core/dataset/gazetteer-copy';
import { activeDataset } from '../core/dataset/local-store-keys';

export async function askServerDataAhead(): Promise<void> {
  // A dataset imported in this browser is read from its storage, not from the server.
  if (activeDataset() === 'imported') return;
  const config = await pageConfig();
  // The boundary file the load reads first (the first look's boot asks for it too on a first visit: one read).
  askAhead(config.boundariesUrl ?? OFFICIAL_BOUNDARIES_FILE, true);
  askAhead(LAND_FILE, true);
  // A config.json that names its dataset wrongly rejects here: the load says so.
  const source = await serverSource(config);
  // An aggregate dataset's files are named by its manifest: the load asks for them.
  if (source.aggregates) return;
  askAhead(GAZETTEER);
  for (const url of Object.values(source.files)) if (url) askAhead(url);
}
