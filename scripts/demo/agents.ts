/**
 * The agents of change: ASN concentrated in the Manna urban area and kecamatan centres, PPPK and
 * honorer (mostly teachers and health workers) spread with the population. Each lives among the
 * households of a home village.
 */
import type { AgentType } from '../../src/core/domain/schema.ts';
import type { Village } from './gazetteer.ts';
import type { VillageProfile } from './geography.ts';
import type { HouseholdPlaces } from './households.ts';
import { scatter } from './households.ts';
import { personName, syntheticNip, TITLES, withTitle } from './names.ts';
import { cumulative, type Rng } from './prng.ts';

/** Programme figures (PRODUCT.md): about 4,200 ASN and 3,000 PPPK/honorer. */
export const DEFAULT_AGENTS = 7_200;
export const ASN_SHARE = 4_200 / 7_200;
/** Assumed split of the 3,000 non-ASN agents: 60 % PPPK, 40 % honorer. */
export const PPPK_SHARE_OF_REST = 0.6;
/** Share of agents marked inactive (aktif = 0: moved, retired); they get no families. */
export const INACTIVE_SHARE = 0.015;

export type Field = 'teacher' | 'health' | 'admin';

export interface Agent {
  id: string;
  name: string;
  nip: string;
  type: AgentType;
  field: Field;
  employer: string;
  homeVillage: number;
  lon: number;
  lat: number;
  active: boolean;
}

export function agentCounts(total: number): Record<AgentType, number> {
  const asn = Math.round(total * ASN_SHARE);
  const pppk = Math.round((total - asn) * PPPK_SHARE_OF_REST);
  return { asn, pppk, honorer: total - asn - pppk };
}

/** Home-village weight per household, by agent type and kind of place. */
export function homeWeight(type: AgentType, p: VillageProfile, districtCode: string): number {
  if (type === 'asn') {
    if (p.town) return 5;
    if (p.centre) return 3;
    if (districtCode === '17.01.04') return 2; // Manna, next to the town
    return p.upland ? 0.5 : 1;
  }
  if (p.centre) return 1.6;
  if (p.town) return 1.3;
  return p.upland ? 0.7 : 1;
}

const FIELD_MIX: Record<AgentType, readonly [Field, number][]> = {
  asn: [
    ['teacher', 0.45],
    ['health', 0.15],
    ['admin', 0.4],
  ],
  pppk: [
    ['teacher', 0.65],
    ['health', 0.25],
    ['admin', 0.1],
  ],
  honorer: [
    ['teacher', 0.3],
    ['health', 0.2],
    ['admin', 0.5],
  ],
};

const OPD = [
  'Sekretariat Daerah',
  'Sekretariat DPRD',
  'Inspektorat',
  'Bappeda-Litbang',
  'Badan Keuangan Daerah',
  'Badan Kepegawaian dan Pengembangan SDM',
  'BPBD',
  'Dinas Sosial',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Pendidikan dan Kebudayaan',
  'Dinas Kesehatan',
  'Dinas Perumahan dan Kawasan Permukiman',
  'Dinas Lingkungan Hidup',
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Pemberdayaan Masyarakat dan Desa',
  'Dinas Pertanian',
  'Dinas Perikanan',
  'Satpol PP',
] as const;

function employerOf(rng: Rng, field: Field, village: Village): string {
  if (field === 'teacher') {
    return rng.chance(0.7)
      ? `SD Negeri ${1 + rng.int(160)} Bengkulu Selatan`
      : `SMP Negeri ${1 + rng.int(36)} Bengkulu Selatan`;
  }
  if (field === 'health') {
    return rng.chance(0.25) ? 'RSUD Hasanuddin Damrah Manna' : `Puskesmas ${village.districtName}`;
  }
  return rng.chance(0.2) ? `Kecamatan ${village.districtName}` : rng.pick(OPD);
}

function fieldOf(rng: Rng, type: AgentType): Field {
  let x = rng.next();
  for (const [field, share] of FIELD_MIX[type]) {
    x -= share;
    if (x < 0) return field;
  }
  return 'admin';
}

export function createAgents(
  rng: Rng,
  total: number,
  villages: readonly Village[],
  profiles: readonly VillageProfile[],
  places: HouseholdPlaces,
): Agent[] {
  const counts = agentCounts(total);
  const width = Math.max(5, String(total).length);
  const agents: Agent[] = [];
  const nips = new Set<string>();
  for (const type of ['asn', 'pppk', 'honorer'] as const) {
    const weights = villages.map((v, vi) => {
      const n = (places.villageStart[vi + 1] ?? 0) - (places.villageStart[vi] ?? 0);
      const p = profiles[vi];
      return p && n > 0 ? n * homeWeight(type, p, v.districtCode) : 0;
    });
    const cum = cumulative(weights);
    for (let k = 0; k < counts[type]; k++) {
      const vi = rng.weighted(cum);
      const village = villages[vi];
      if (!village) throw new Error('agents: no village');
      // Home: next to a random household of the home village.
      const start = places.villageStart[vi] ?? 0;
      const end = places.villageStart[vi + 1] ?? start;
      const h = start + rng.int(Math.max(1, end - start));
      const [lon, lat] = scatter(rng, places.lon[h] ?? village.lon, places.lat[h] ?? village.lat, 0.025);
      const female = rng.chance(type === 'asn' ? 0.5 : 0.6);
      const field = fieldOf(rng, type);
      let name = personName(rng, female);
      if (type !== 'honorer' || field !== 'admin') {
        if (rng.chance(type === 'honorer' ? 0.3 : 0.75)) name = withTitle(name, rng.pick(TITLES[field]));
      }
      let nip = '';
      if (type !== 'honorer') {
        const birthYear = type === 'asn' ? 1966 + rng.int(32) : 1980 + rng.int(20);
        const appointed = type === 'asn' ? Math.min(2024, birthYear + 22 + rng.int(10)) : 2021 + rng.int(4);
        do nip = syntheticNip(rng, female, birthYear, appointed);
        while (nips.has(nip));
        nips.add(nip);
      }
      agents.push({
        id: `AG${String(agents.length + 1).padStart(width, '0')}`,
        name,
        nip,
        type,
        field,
        employer: employerOf(rng, field, village),
        homeVillage: vi,
        lon,
        lat,
        active: !rng.chance(INACTIVE_SHARE),
      });
    }
  }
  return agents;
}
