/**
 * What went wrong with a configured online basemap, so the map can say it instead of silently showing no
 * background: 'blocked' when the page's security policy refused the tile server (config.json names a basemap
 * host the policy was not regenerated for), 'unavailable' when tiles fail otherwise (offline, server down).
 */
export type BasemapProblem = 'blocked' | 'unavailable';

/** The origins of a basemap's tile URL templates (`{z}/{x}/{y}` are not part of an origin). */
export function tileOrigins(tiles: readonly string[], base: string): Set<string> {
  const origins = new Set<string>();
  for (const template of tiles) {
    try {
      origins.add(new URL(template.replace(/\{[a-z]+\}/gi, '0'), base).origin);
    } catch {
      // A template that is not a URL fails as a tile error ('unavailable').
    }
  }
  return origins;
}

/** Whether a security-policy violation's blocked URI (a full URL or just an origin) is a tile server's. */
export function isBlockedTile(blockedUri: string, origins: ReadonlySet<string>): boolean {
  try {
    return origins.has(new URL(blockedUri).origin);
  } catch {
    return false;
  }
}

/**
 * Watches the document for security-policy violations against the tile servers; `onProblem('blocked')` on the
 * first. Returns the function that stops watching.
 */
export function watchBlockedTiles(
  tiles: readonly string[],
  onProblem: (problem: BasemapProblem) => void,
  target: Pick<Document, 'addEventListener' | 'removeEventListener'> = document,
): () => void {
  const origins = tileOrigins(tiles, globalThis.location?.href ?? 'http://localhost/');
  const listener = (event: Event) => {
    if (isBlockedTile((event as SecurityPolicyViolationEvent).blockedURI ?? '', origins))
      onProblem('blocked');
  };
  target.addEventListener('securitypolicyviolation', listener);
  return () => target.removeEventListener('securitypolicyviolation', listener);
}
