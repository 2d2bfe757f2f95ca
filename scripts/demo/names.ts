/**
 * Synthetic Indonesian-looking personal names and identifiers. The lists are common given names
 * (Malay/Serawai and general Indonesian usage); combinations are random and belong to no real person.
 */
import type { Rng } from './prng.ts';

const MALE = [
  'Ahmad',
  'Abdul',
  'Agus',
  'Andi',
  'Anton',
  'Arman',
  'Asnawi',
  'Bahrul',
  'Budi',
  'Darmawan',
  'Dedi',
  'Edi',
  'Efendi',
  'Erwin',
  'Fadli',
  'Firdaus',
  'Hamdan',
  'Hasan',
  'Hendra',
  'Herman',
  'Ilham',
  'Indra',
  'Irwan',
  'Jamal',
  'Joni',
  'Junaidi',
  'Kasim',
  'Lukman',
  'Mahmud',
  'Marzuki',
  'Muhammad',
  'Mulyadi',
  'Nasrul',
  'Novri',
  'Rahmat',
  'Ramli',
  'Rizal',
  'Rudi',
  'Safri',
  'Samsul',
  'Sudirman',
  'Suhardi',
  'Syahrial',
  'Taufik',
  'Usman',
  'Wahyu',
  'Yanto',
  'Yusuf',
  'Zainal',
  'Zulkifli',
] as const;

const FEMALE = [
  'Aisyah',
  'Ani',
  'Asmawati',
  'Darmawati',
  'Dewi',
  'Elvi',
  'Erni',
  'Fatimah',
  'Fitri',
  'Hartini',
  'Herlina',
  'Ida',
  'Indah',
  'Jumiati',
  'Kartini',
  'Lena',
  'Lia',
  'Marlina',
  'Masitah',
  'Nani',
  'Nurhayati',
  'Nurul',
  'Rahmawati',
  'Ratna',
  'Rini',
  'Rosmiati',
  'Salmah',
  'Siti',
  'Sri',
  'Suryani',
  'Susanti',
  'Wati',
  'Yanti',
  'Yuli',
  'Yusnani',
  'Zaitun',
] as const;

const SECOND = [
  'Ahmadi',
  'Alamsyah',
  'Amin',
  'Anwar',
  'Ardiansyah',
  'Aziz',
  'Bakri',
  'Darmadi',
  'Effendi',
  'Fauzi',
  'Gunawan',
  'Hakim',
  'Hamid',
  'Harahap',
  'Hidayat',
  'Ibrahim',
  'Irawan',
  'Iskandar',
  'Jailani',
  'Kurniawan',
  'Lubis',
  'Mansyur',
  'Nasution',
  'Nurdin',
  'Pratama',
  'Putra',
  'Rahman',
  'Ramadhan',
  'Saputra',
  'Setiawan',
  'Sulaiman',
  'Syafei',
  'Syahputra',
  'Wijaya',
  'Yahya',
  'Yusran',
  'Zakaria',
  'Zulfikar',
  'Rosidi',
  'Sanusi',
] as const;

const FEMALE_SECOND = [
  'Ahmad',
  'Aprianti',
  'Handayani',
  'Hasanah',
  'Herawati',
  'Kurniasih',
  'Lestari',
  'Maryani',
  'Novita',
  'Puspita',
  'Rahayu',
  'Safitri',
  'Sari',
  'Susilawati',
  'Utami',
  'Wahyuni',
  'Yulianti',
  'Zahara',
] as const;

/** A personal name; women more often carry a second given name than a father's name. */
export function personName(rng: Rng, female: boolean): string {
  const first = rng.pick(female ? FEMALE : MALE);
  if (rng.chance(0.12)) return first;
  return `${first} ${rng.pick(female && rng.chance(0.6) ? FEMALE_SECOND : SECOND)}`;
}

/** Academic titles by field, written after the name with a comma as in official lists. */
export const TITLES = {
  teacher: ['S.Pd.', 'S.Pd.', 'S.Pd.I.', 'M.Pd.'],
  health: ['S.Kep., Ners', 'A.Md.Kep.', 'A.Md.Keb.', 'S.KM.', 'dr.'],
  admin: ['S.E.', 'S.H.', 'S.Sos.', 'S.IP.', 'S.T.', 'S.Kom.', 'M.Si.'],
} as const;

export function withTitle(name: string, title: string): string {
  return title === 'dr.' ? `dr. ${name}` : `${name}, ${title}`;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Synthetic 16-digit NIK: 17 01 (province, regency) + kecamatan (2) + birth date DDMMYY (day + 40 for
 * women, as on real NIKs) + serial (4).
 */
export function syntheticNik(
  rng: Rng,
  districtTwoDigits: string,
  female: boolean,
  birthYear: number,
): string {
  const day = 1 + rng.int(28) + (female ? 40 : 0);
  const month = 1 + rng.int(12);
  return `1701${districtTwoDigits}${pad(day, 2)}${pad(month, 2)}${pad(birthYear % 100, 2)}${pad(1 + rng.int(9999), 4)}`;
}

/**
 * Synthetic 18-digit NIP / NI PPPK: birth date YYYYMMDD + appointment YYYYMM + sex (1 man, 2 woman)
 * + serial (3).
 */
export function syntheticNip(rng: Rng, female: boolean, birthYear: number, appointedYear: number): string {
  return `${birthYear}${pad(1 + rng.int(12), 2)}${pad(1 + rng.int(28), 2)}${appointedYear}${pad(1 + rng.int(12), 2)}${female ? 2 : 1}${pad(1 + rng.int(999), 3)}`;
}
