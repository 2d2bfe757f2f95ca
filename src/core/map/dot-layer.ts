/**
 * Round dots sized in pixels, one GL point each: households and agents drawn in their thousands.
 *
 * deck.gl's ScatterplotLayer draws each dot as an instance of a square. A graphics chip does that in one go, but
 * a renderer in software (Chromium's SwiftShader, used where the GPU is missing or blocked) sets every instance
 * up as a draw of its own, about 20 µs each: 4,000 dots cost 70 ms of every frame, the larger part of a step of
 * the distance limit. Here the dots are one list of points drawn in one call (about as costly as a polygon
 * with as many corners), each shaded round in the fragment shader with ScatterplotLayer's smoothed edge and
 * outline, so a dot looks the same.
 *
 * Props are ScatterplotLayer's with pixel units only: `getPosition`, `getRadius`, `getFillColor`, `stroked`,
 * `getLineColor`, `getLineWidth` (constants, functions or binary attributes), and picking by index.
 */
import {
  type Accessor,
  type Color,
  type DefaultProps,
  Layer,
  type LayerDataSource,
  type LayerProps,
  type Position,
  picking,
  project32,
  type UpdateParameters,
} from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';

interface DotUniforms {
  stroked: number;
  /** The largest point the device draws, in the drawing buffer's pixels. */
  maxPointPixels: number;
}

const uniformBlock = /* glsl */ `\
layout(std140) uniform dotsUniforms {
  float stroked;
  float maxPointPixels;
} dots;
`;

const dotsUniforms = {
  name: 'dots',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { stroked: 'f32', maxPointPixels: 'f32' },
} as const satisfies ShaderModule<DotUniforms>;

/** Pixels of smoothing on each side of an edge (deck.gl's SMOOTH_EDGE_RADIUS). */
const EDGE = '0.5';

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME dot-layer-vertex-shader

in vec3 positions;
in vec3 positions64Low;
in float radii;
in float lineWidths;
in vec4 fillColors;
in vec4 lineColors;

out vec4 vFillColor;
out vec4 vLineColor;
out float vOuterPixels;
out float vInnerPixels;
out float vSizePixels;

void main(void) {
  geometry.worldPosition = positions;
  geometry.pickingColor = picking_getPickingColorFromIndex(float(gl_VertexID));
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);

  // As ScatterplotLayer: the outline is centred on the radius.
  float line = dots.stroked * lineWidths;
  float outer = radii + line / 2.0;
  float size = 2.0 * (outer + ${EDGE});
  // A device that draws no point this large gets a smaller dot, still round.
  float fit = min(1.0, dots.maxPointPixels / (size * project.devicePixelRatio));
  vOuterPixels = fit * outer;
  vInnerPixels = fit * (outer - line);
  vSizePixels = fit * size;
  gl_PointSize = vSizePixels * project.devicePixelRatio;

  vFillColor = vec4(fillColors.rgb, fillColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFillColor, geometry);
  vLineColor = vec4(lineColors.rgb, lineColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vLineColor, geometry);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME dot-layer-fragment-shader
precision highp float;

in vec4 vFillColor;
in vec4 vLineColor;
in float vOuterPixels;
in float vInnerPixels;
in float vSizePixels;

out vec4 fragColor;

void main(void) {
  float fromCentre = length(gl_PointCoord - 0.5) * vSizePixels;
  float inDot = 1.0 - smoothstep(vOuterPixels - ${EDGE}, vOuterPixels + ${EDGE}, fromCentre);
  if (inDot == 0.0) discard;
  fragColor = vFillColor;
  if (dots.stroked > 0.5) {
    float onLine = smoothstep(vInnerPixels - ${EDGE}, vInnerPixels + ${EDGE}, fromCentre);
    fragColor = mix(vFillColor, vLineColor, onLine);
  }
  fragColor.a *= inDot;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

export interface DotLayerProps<D = unknown> extends LayerProps {
  data: LayerDataSource<D>;
  getPosition?: Accessor<D, Position>;
  /** CSS pixels. */
  getRadius?: Accessor<D, number>;
  getFillColor?: Accessor<D, Color>;
  stroked?: boolean;
  getLineColor?: Accessor<D, Color>;
  /** CSS pixels. */
  getLineWidth?: Accessor<D, number>;
}

const BLACK = [0, 0, 0, 255] as const;

const defaultProps: DefaultProps<DotLayerProps> = {
  getPosition: { type: 'accessor', value: (d: unknown) => (d as { position: Position }).position },
  getRadius: { type: 'accessor', value: 2 },
  getFillColor: { type: 'accessor', value: BLACK },
  stroked: false,
  getLineColor: { type: 'accessor', value: BLACK },
  getLineWidth: { type: 'accessor', value: 1 },
};

/** ALIASED_POINT_SIZE_RANGE (WebGL 2). */
const POINT_SIZE_RANGE = 0x846d;

/** The largest point `device` draws, in pixels; deck.gl renders through WebGL 2 here. */
function maxPointPixels(device: unknown): number {
  const gl = (device as { gl?: WebGL2RenderingContext }).gl;
  const range = gl?.getParameter(POINT_SIZE_RANGE) as Float32Array | null | undefined;
  return range?.[1] ?? 64;
}

export class DotLayer<D = unknown> extends Layer<Required<DotLayerProps<D>>> {
  static override layerName = 'DotLayer';
  static override defaultProps = defaultProps;

  declare state: { model?: Model; maxPointPixels: number };

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, picking, dotsUniforms] });
  }

  override initializeState() {
    this.state.maxPointPixels = maxPointPixels(this.context.device);
    // Vertex attributes, not instanced: one vertex per dot.
    this.getAttributeManager()?.add({
      positions: { size: 3, type: 'float64', fp64: this.use64bitPositions(), accessor: 'getPosition' },
      radii: { size: 1, accessor: 'getRadius', defaultValue: 2 },
      lineWidths: { size: 1, accessor: 'getLineWidth', defaultValue: 1 },
      fillColors: { size: 4, type: 'unorm8', accessor: 'getFillColor', defaultValue: [...BLACK] },
      lineColors: { size: 4, type: 'unorm8', accessor: 'getLineColor', defaultValue: [...BLACK] },
    });
  }

  override updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    if (params.changeFlags.extensionsChanged || !this.state.model) {
      this.state.model?.destroy();
      this.state.model = new Model(this.context.device, {
        ...this.getShaders(),
        id: this.props.id,
        bufferLayout: this.getAttributeManager()?.getBufferLayouts({ isInstanced: false }),
        topology: 'point-list',
        isInstanced: false,
      });
      this.getAttributeManager()?.invalidateAll();
    }
  }

  override draw() {
    const model = this.state.model;
    if (!model) return;
    model.shaderInputs.setProps({
      dots: { stroked: this.props.stroked ? 1 : 0, maxPointPixels: this.state.maxPointPixels },
    });
    model.setVertexCount(this.getNumInstances());
    model.draw(this.context.renderPass);
  }
}
