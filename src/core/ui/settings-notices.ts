import { useSyncExternalStore } from 'react';
import type { SettingNotice } from '../url/parsed';

/** A notice on screen: which check raised it (its source) and a stable id for dismissing it. */
export interface ShownNotice extends SettingNotice {
  id: string;
}

// The notices of every settings check (the app's own settings, the planner's from the link and those checked
// against the data), shown together at the top of the dashboard until dismissed.
let shown: ShownNotice[] = [];
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

/** Replaces the notices of `source` (checks run again replace theirs instead of adding duplicates). */
export function publishNotices(source: string, notices: readonly SettingNotice[]): void {
  const kept = shown.filter((n) => !n.id.startsWith(`${source}:`));
  const added = notices.map((n, i) => ({ ...n, id: `${source}:${i}:${n.key}` }));
  if (added.length === 0 && kept.length === shown.length) return;
  shown = [...kept, ...added];
  emit();
}

export function dismissNotice(id: string): void {
  shown = shown.filter((n) => n.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useSettingsNotices(): readonly ShownNotice[] {
  return useSyncExternalStore(subscribe, () => shown);
}
