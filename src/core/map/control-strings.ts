/**
 * MapLibre's own words on the map (control tooltips, the map's accessible name, the popup close button) in the
 * page's language, and their swap when the user changes language on a live map.
 */
import type { TFunction } from 'i18next';
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';

/** Every MapLibre UI string our maps can show, keyed as MapLibre's `locale` option expects. */
export function mapUiStrings(t: TFunction): Record<string, string> {
  return {
    'Map.Title': t('mapControls.map'),
    'Marker.Title': t('mapControls.marker'),
    'Popup.Close': t('mapControls.closePopup'),
    'NavigationControl.ZoomIn': t('mapControls.zoomIn'),
    'NavigationControl.ZoomOut': t('mapControls.zoomOut'),
    'NavigationControl.ResetBearing': t('mapControls.resetBearing'),
    'GeolocateControl.FindMyLocation': t('mapControls.nearMe'),
    'GeolocateControl.LocationNotAvailable': t('mapControls.locationUnavailable'),
    'AttributionControl.ToggleAttribution': t('mapControls.attribution'),
    'AttributionControl.MapFeedback': t('mapControls.feedback'),
    'FullscreenControl.Enter': t('mapControls.fullscreenEnter'),
    'FullscreenControl.Exit': t('mapControls.fullscreenExit'),
  };
}

/**
 * Gives a live map the strings of a new language. MapLibre reads its strings when a control is added, so the
 * controls are taken off and put back in their order (same corners, same state); the canvas is renamed.
 */
export function relabelMap(
  map: MapLibreMap,
  strings: Record<string, string>,
  controls: readonly { control: IControl; position: 'top-right' | 'bottom-right' }[],
): void {
  Object.assign(map._locale, strings);
  for (const { control } of controls) map.removeControl(control);
  for (const { control, position } of controls) map.addControl(control, position);
  map.getCanvas().setAttribute('aria-label', strings['Map.Title'] ?? '');
}
