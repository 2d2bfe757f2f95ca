import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { baseStyle } from '../../../src/core/map/base-style';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const input = { land: empty, villages: empty, districts: empty, regency: empty };

describe('baseStyle', () => {
  it('needs no network: only inline GeoJSON sources, no glyphs, sprites or tiles', () => {
    const style = baseStyle({ ...input, basemap: null });
    expect(Object.values(style.sources).map((s) => s.type)).toEqual([
      'geojson',
      'geojson',
      'geojson',
      'geojson',
    ]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('draws land, regency, village, kecamatan and regency boundaries in that order', () => {
    expect(baseStyle({ ...input, basemap: null }).layers.map((l) => l.id)).toEqual([
      'land',
      'land-edge',
      'regency-fill',
      'village-line',
      'district-line',
      'regency-line',
    ]);
  });

  it('adds a configured online basemap under the regency, with its attribution', () => {
    const style = baseStyle({
      ...input,
      basemap: { tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'], attribution: '© Example' },
    });
    expect(style.sources.basemap).toMatchObject({ type: 'raster', attribution: '© Example', tileSize: 256 });
    expect(style.layers.map((l) => l.id).indexOf('basemap')).toBe(2);
  });

  it("has no background layer (one GPU program less before the first map): the sea is the map element's colour", () => {
    for (const basemap of [
      null,
      { tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'], attribution: '© Example' },
    ])
      expect(baseStyle({ ...input, basemap }).layers.filter((l) => l.type === 'background')).toEqual([]);
  });

  it("asks for no fill outline pass (one GPU program less before the first map): every edge is a line's", () => {
    for (const basemap of [
      null,
      { tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'], attribution: '© Example' },
    ]) {
      const fills = baseStyle({ ...input, basemap }).layers.filter((l) => l.type === 'fill');
      expect(fills.length).toBeGreaterThan(0);
      for (const fill of fills) expect(fill.paint).toMatchObject({ 'fill-antialias': false });
    }
  });
});
