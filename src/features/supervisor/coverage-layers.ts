import type { Layer, PickingInfo } from '@deck.gl/core';
import { LineLayer } from '@deck.gl/layers';
import { HOUSEHOLD_STATUS } from '../../core/coverage-engine';
import { DotLayer } from '../../core/map/dot-layer';
import { hexToRgba, STATUS_COLORS } from '../../core/map/palette';
import type { PointCloud } from '../../core/map/point-thinning';
import { keptFor, shownData } from '../../core/map/stable-layer-data';

/** The colour of each status drawn as a point; covered households and unknown visits are not drawn. */
const POINT_COLORS: ReadonlyMap<number, readonly number[]> = new Map([
  [HOUSEHOLD_STATUS.noAgent, hexToRgba(STATUS_COLORS.noAgent)],
  [HOUSEHOLD_STATUS.far, hexToRgba(STATUS_COLORS.far)],
  [HOUSEHOLD_STATUS.unvisited, hexToRgba(STATUS_COLORS.unvisited)],
]);

/** POINT_COLORS as tables by status byte: whether it is drawn, and its RGBA (4 bytes each). */
const DRAWN = new Uint8Array(256);
const RGBA_BY_STATUS = new Uint8Array(256 * 4);
for (const [status, rgba] of POINT_COLORS) {
  DRAWN[status] = 1;
  RGBA_BY_STATUS.set(rgba, 4 * status);
}

/**
 * Households not terjangkau for a reason a supervisor acts on (no agent, agent far, not visited), coloured by it.
 * Table lookups over the typed arrays: at a million households it runs on every step of the distance limit.
 */
export function uncoveredPoints(lon: Float64Array, lat: Float64Array, status: Uint8Array): PointCloud {
  let n = 0;
  for (let i = 0; i < status.length; i++) n += DRAWN[status[i] as number] as number;
  const positions = new Float32Array(2 * n);
  const colors = new Uint8Array(4 * n);
  let k = 0;
  for (let i = 0; i < status.length; i++) {
    const s = status[i] as number;
    if (!DRAWN[s]) continue;
    positions[2 * k] = lon[i] as number;
    positions[2 * k + 1] = lat[i] as number;
    for (let c = 0; c < 4; c++) colors[4 * k + c] = RGBA_BY_STATUS[4 * s + c] as number;
    k++;
  }
  return { length: n, positions, colors };
}

export interface AgentMarks {
  lon: Float64Array;
  lat: Float64Array;
  active: Uint8Array;
  families: Int32Array;
  belowMin: Uint8Array;
  aboveCap: Uint8Array;
}

const activeLists = new WeakMap<Uint8Array, number[]>();

/** The active agents' indices, one list per `active` array (the layer's data stays the same object). */
function activeAgents(active: Uint8Array): number[] {
  return keptFor(activeLists, active, (flags) => {
    const list: number[] = [];
    for (let i = 0; i < flags.length; i++) if (flags[i]) list.push(i);
    return list;
  });
}

const pickHandlers = new WeakMap<(agent: number) => void, (info: PickingInfo<number>) => void>();

/** deck.gl's click handler for `onClick`, one per callback (a new handler would redraw the map). */
function agentPicked(onClick: (agent: number) => void): (info: PickingInfo<number>) => void {
  return keptFor(pickHandlers, onClick, (pick) => (info: PickingInfo<number>) => {
    if (info.object !== undefined && info.object !== null) pick(info.object);
  });
}

/** Zoom from which agents are drawn (7,200 symbols would bury the overview). */
export const AGENT_ZOOM = 11;

/**
 * Active agents sized by load (area ∝ families), red when below the ten-family rule, with a
 * heavy dark ring when over the cap.
 */
export function agentLayer(
  agents: AgentMarks,
  zoom: number,
  selected: number | null,
  onClick: (agent: number) => void,
): Layer {
  const normal = hexToRgba(STATUS_COLORS.agent);
  const below = hexToRgba(STATUS_COLORS.agentBelowMin);
  const ring = hexToRgba(STATUS_COLORS.agentAboveCap);
  const visible = zoom >= AGENT_ZOOM;
  return new DotLayer<number>({
    id: 'agents',
    // Hidden, the agents' five accessors would still run 7,200 times each in the frame that opens Pengawasan on
    // the overview: they run when the agents are first shown.
    data: shownData(visible, () => activeAgents(agents.active)),
    visible,
    pickable: true,
    getPosition: (i) => [agents.lon[i] as number, agents.lat[i] as number],
    getRadius: (i) => 3 + 1.6 * Math.sqrt(agents.families[i] ?? 0),
    getFillColor: (i) => (agents.belowMin[i] ? below : normal),
    stroked: true,
    getLineWidth: (i) => (i === selected ? 4 : agents.aboveCap[i] ? 3 : 1),
    getLineColor: (i) =>
      i === selected ? hexToRgba('#00b4d8') : agents.aboveCap[i] ? ring : [255, 255, 255, 255],
    updateTriggers: { getLineWidth: selected, getLineColor: selected, getFillColor: agents.belowMin },
    onClick: agentPicked(onClick),
  });
}

export interface AssignmentLine {
  from: [number, number];
  to: [number, number];
  /** To its own agent within / beyond the threshold, or (no agent) to the nearest active agent. */
  kind: 'covered' | 'far' | 'nearest';
}

const LINE_COLORS = {
  covered: hexToRgba(STATUS_COLORS.line, 160),
  far: hexToRgba(STATUS_COLORS.far, 230),
  nearest: hexToRgba(STATUS_COLORS.noAgent, 200),
} as const;

/** Lines from households to their agent (for a selected village or agent). */
export function assignmentLineLayer(lines: AssignmentLine[]): Layer {
  return new LineLayer<AssignmentLine>({
    id: 'assignment-lines',
    data: lines,
    getSourcePosition: (d) => d.from,
    getTargetPosition: (d) => d.to,
    getColor: (d) => LINE_COLORS[d.kind],
    widthUnits: 'pixels',
    getWidth: (d) => (d.kind === 'covered' ? 1 : 2),
  });
}
