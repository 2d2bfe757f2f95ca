/**
 * Pengawasan's layer kinds on one mark each, where no view of the regency reaches (the South Pole), made by
 * the same factories as the section's own: drawn once by the planner's map in idle time (warmKeptMap), they
 * leave the GPU programs the section needs compiled, so its first frame does not wait for them.
 */
import type { Layer } from '@deck.gl/core';
import { householdLayer } from '../../core/map/village-layers';
import { agentLayer, assignmentLineLayer } from './coverage-layers';

const NOWHERE: [number, number] = [0, -89];

export function supervisorWarmLayers(): Layer[] {
  const one = { length: 1, positions: Float32Array.from(NOWHERE), colors: new Uint8Array(4) };
  const agent = {
    lon: Float64Array.of(NOWHERE[0]),
    lat: Float64Array.of(NOWHERE[1]),
    active: Uint8Array.of(1),
    families: Int32Array.of(1),
    belowMin: Uint8Array.of(1),
    aboveCap: Uint8Array.of(0),
  };
  return [
    householdLayer('warm-households', one, 0),
    assignmentLineLayer([{ from: NOWHERE, to: [NOWHERE[0] + 0.001, NOWHERE[1]], kind: 'covered' }]),
    agentLayer(agent, 99, null, () => {}),
  ].map((layer) => layer.clone({ id: `warm-${layer.id}` }));
}
