import type { Map as MapLibreMap } from 'maplibre-gl';
import { type PlaceableLabel, placeLabels } from '../geo/label-placement';
import { MAP_COLORS } from './palette';

/** The kecamatan names' size in CSS pixels (placement estimates each name's box from it). */
const DISTRICT_NAME_PX = 15;

const HALO_PX = 1.5;
/** A halo in the halo colour all around the letters, as the map's own text had. */
const HALO = [-1, 0, 1]
  .flatMap((dx) => [-1, 0, 1].map((dy) => ({ dx, dy })))
  .filter(({ dx, dy }) => dx !== 0 || dy !== 0)
  .map(({ dx, dy }) => `${dx * HALO_PX}px ${dy * HALO_PX}px 1px ${MAP_COLORS.labelHalo}`)
  .join(', ');

/** The names shown at `zoom`: none from `hideFromZoom` on, else those that fit without overlapping. */
export function districtNamesAt<L extends PlaceableLabel>(
  labels: readonly L[],
  zoom: number,
  hideFromZoom: number,
): L[] {
  return zoom >= hideFromZoom ? [] : placeLabels(labels, zoom, DISTRICT_NAME_PX);
}

/**
 * The kecamatan names over the live map as text of the page, not as a layer the map draws: with software
 * WebGL (SwiftShader, where there is no usable GPU) a text layer's GPU program and glyph atlas cost the first
 * map 0.35–0.55 s of its frame. Each name is centred on its point and moves with the map; which names are shown
 * is decided again when a move ends at another zoom (districtNamesAt). They never take the pointer: hovering
 * and clicking reach the map beneath. Returns the function that removes them.
 */
export function showDistrictNames(
  map: Pick<MapLibreMap, 'getCanvasContainer' | 'getZoom' | 'project' | 'on' | 'off'>,
  labels: readonly PlaceableLabel[],
  hideFromZoom: number,
): () => void {
  const box = document.createElement('div');
  box.className = 'district-names';
  box.dataset.testid = 'district-names';
  // Set through the CSSOM (allowed by the page's CSP), from the map's palette.
  box.style.color = MAP_COLORS.label;
  box.style.textShadow = HALO;
  box.style.fontSize = `${DISTRICT_NAME_PX}px`;
  map.getCanvasContainer().appendChild(box);
  let shown: { label: PlaceableLabel; element: HTMLElement }[] = [];
  let chosenAt = Number.NaN;

  const position = () => {
    for (const { label, element } of shown) {
      const { x, y } = map.project(label.position);
      element.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
    }
  };
  const choose = () => {
    const zoom = map.getZoom();
    if (zoom === chosenAt) return;
    chosenAt = zoom;
    shown = districtNamesAt(labels, zoom, hideFromZoom).map((label) => {
      const element = document.createElement('span');
      element.textContent = label.text;
      return { label, element };
    });
    box.replaceChildren(...shown.map((s) => s.element));
    position();
  };
  choose();
  map.on('move', position);
  map.on('resize', position);
  map.on('moveend', choose);
  return () => {
    map.off('move', position);
    map.off('resize', position);
    map.off('moveend', choose);
    box.remove();
  };
}
