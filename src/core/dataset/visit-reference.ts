/**
 * The day visit ages are counted back to ("visited within the last N days" of what?): the data's own date
 * when its source states one (the demo's reference date, a published dataset's date), else the day an
 * imported dataset was saved in this browser, else today. Counting to the data's date, not to today, keeps
 * an older dataset from turning every family into "belum dikunjungi" as the weeks pass; the screen says
 * which date it is.
 */
import { isCalendarDate, localDay } from '../domain/calendar';
import type { DatasetSource } from './dataset-source';

export function visitReferenceDate(source: DatasetSource, today: Date = new Date()): string {
  if (source.date && isCalendarDate(source.date)) return source.date;
  const saved = source.stored?.savedAt ? new Date(source.stored.savedAt) : null;
  if (saved && !Number.isNaN(saved.getTime())) return localDay(saved);
  return localDay(today);
}
