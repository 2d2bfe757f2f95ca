/**
 * How far the camera keeps a fitted area from each edge of the map so that no panel floating over the map
 * (legend, time bar, notices, badges) hides it: every panel pushes the side that costs the least map area to
 * clear it (a time bar across the bottom pushes the bottom, a legend down the right side the right), and the
 * area always keeps at least a share of the map in each direction.
 */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The panels that float over the map canvas (their CSS places them absolutely over `.map-wrap`). */
export const MAP_OVERLAY_SELECTOR = '.map-legend-float, .time-bar, .notice, .synthetic-stamp';

type Side = keyof Padding;

/**
 * Padding in pixels for `fitBounds`: `margin` beyond each panel, scaled down on an axis where the panels
 * would leave less than `keep` of the map (so the fitted area never shrinks to nothing).
 */
export function overlayPadding(map: Rect, overlays: readonly Rect[], margin = 16, keep = 0.4): Padding {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  const pad: Padding = { top: margin, right: margin, bottom: margin, left: margin };
  if (!(width > 0 && height > 0)) return pad;
  for (const o of overlays) {
    const left = Math.max(o.left, map.left);
    const right = Math.min(o.right, map.right);
    const top = Math.max(o.top, map.top);
    const bottom = Math.min(o.bottom, map.bottom);
    if (right <= left || bottom <= top) continue;
    // Depth each side would need to clear the panel, and the map area that depth costs.
    const depth: Padding = {
      left: right - map.left,
      right: map.right - left,
      top: bottom - map.top,
      bottom: map.bottom - top,
    };
    const cost = (side: Side) => depth[side] * (side === 'left' || side === 'right' ? height : width);
    const side = (['bottom', 'top', 'right', 'left'] as const).reduce((a, b) => (cost(b) < cost(a) ? b : a));
    pad[side] = Math.max(pad[side], depth[side] + margin);
  }
  const shrinkToFit = (a: Side, b: Side, size: number) => {
    const most = (1 - keep) * size;
    const sum = pad[a] + pad[b];
    if (sum > most) {
      pad[a] = (pad[a] * most) / sum;
      pad[b] = (pad[b] * most) / sum;
    }
  };
  shrinkToFit('left', 'right', width);
  shrinkToFit('top', 'bottom', height);
  return pad;
}

/** The padding for the map in `container`'s parent, from the panels shown over it now. */
export function domOverlayPadding(container: HTMLElement): Padding {
  const wrap = container.parentElement ?? container;
  const rects = Array.from(wrap.querySelectorAll<HTMLElement>(MAP_OVERLAY_SELECTOR), (el) =>
    el.getBoundingClientRect(),
  ).filter((r) => r.width > 0 && r.height > 0);
  return overlayPadding(container.getBoundingClientRect(), rects);
}
