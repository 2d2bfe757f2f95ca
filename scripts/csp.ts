/**
 * The Content Security Policy of the built app: only the app's own origin, plus the host of an
 * online basemap when one is configured in data/config.json. Kept as a pure function so the
 * policy can be tested without a build.
 */
export interface CspConfig {
  basemap: { tiles: string[] } | null;
}

export function contentSecurityPolicy(config: CspConfig): string {
  const basemapOrigins = [
    ...new Set((config.basemap?.tiles ?? []).map((t) => new URL(t.replace(/[{}]/g, '')).origin)),
  ];
  const extra = basemapOrigins.length > 0 ? ` ${basemapOrigins.join(' ')}` : '';
  return [
    "default-src 'self'",
    // DuckDB-WASM compiles WebAssembly; no eval of JavaScript is allowed.
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src 'self'${extra}`,
    `img-src 'self' data: blob:${extra}`,
    // React and MapLibre set inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}
