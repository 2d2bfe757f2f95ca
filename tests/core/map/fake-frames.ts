import type { FrameProvider } from '../../../src/core/map/frame-gate';

/** The browser's animation frames, by hand: `tick` runs the callbacks asked for before it (reversed: last first). */
export class FakeFrames implements FrameProvider {
  private next = 1;
  readonly pending = new Map<number, FrameRequestCallback>();
  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  cancelAnimationFrame(id: number): void {
    this.pending.delete(id);
  }
  tick(reversed = false): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    if (reversed) due.reverse();
    for (const callback of due) callback(0);
  }
}
