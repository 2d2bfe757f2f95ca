/** The slides of the Bappeda presentation, in order, and what every slide is drawn from. */
import type { TableStatus } from '../../../core/dataset/table-status';
import type { ChannelTable } from '../data/channel-results';
import type { IndexResult, Rubric } from '../data/innovation-index';
import type { ProgrammeResults } from '../data/innovation-programme';
import type { PublishedProgramme } from '../data/programme-suppression';
import type { SheetContext } from '../map-sheet';

export const SLIDES = [
  'title',
  'index',
  'hotspots',
  'coverage',
  'figures',
  'channels',
  'trend',
  'next',
] as const;
export type Slide = (typeof SLIDES)[number];

export interface DeckData {
  rubric: Rubric;
  result: IndexResult;
  exampleValues: boolean;
  programme: ProgrammeResults;
  /** The programme figures as published (small groups hidden). */
  published: PublishedProgramme;
  /** Results by service channel, all time, published; null when the cases were not loaded. */
  channels: ChannelTable | null;
  sheet: SheetContext;
  tables: TableStatus;
}

/** The export size of every slide (a 1080p projector). */
export const SLIDE_PX = { width: 1920, height: 1080 } as const;

/** Chart text size for a slide frame of this height: 2 % of it, never under 16 px. */
export const slideFontSize = (frameHeight: number): number => Math.max(16, Math.round(frameHeight * 0.02));
