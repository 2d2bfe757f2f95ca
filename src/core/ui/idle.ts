/** Resolves in the main thread's next idle time (a short pause where the browser cannot tell). */
export const idle = (): Promise<void> =>
  new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 3_000 });
    else setTimeout(resolve, 500);
  });
