import { describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import { dropRecord } from '../../support/drop-record';
import { isOnAir, pickDrop, startedDrops } from '../../../renderer/src/dashboard/pick-drop';

const NOW = 1_800_000_000_000;
function drop(id: number, over: Partial<Drop>): Drop {
  return dropRecord({
    id,
    title: `Drop ${id}`,
    createdAt: NOW - 3_600_000,
    updatedAt: NOW - 3_600_000,
    ...over,
  });
}

const ended = drop(1, { state: 'ended', startedAt: NOW - 3_000_000, endsAt: NOW - 2_000_000 });
const live = drop(2, { state: 'live', startedAt: NOW - 60_000, endsAt: NOW + 240_000 });
const draft = drop(3, {});
const soldOutRunning = drop(4, { state: 'sold_out', startedAt: NOW - 120_000, endsAt: NOW + 60_000 });
const soldOutOver = drop(5, { state: 'sold_out', startedAt: NOW - 900_000, endsAt: NOW - 1 });

describe('which drop the Live screen shows', () => {
  it('follows the live drop, or a sold-out one whose clock still runs', () => {
    expect(pickDrop([ended, live, draft], NOW, null)?.id).toBe(2);
    expect(pickDrop([ended, soldOutRunning, draft], NOW, null)?.id).toBe(4);
    expect(isOnAir(soldOutOver, NOW)).toBe(false);
  });

  it('falls back to the most recently started drop, and to nothing before any drop ran', () => {
    expect(pickDrop([ended, soldOutOver, draft], NOW, null)?.id).toBe(5);
    expect(pickDrop([draft], NOW, null)).toBeNull();
    expect(pickDrop([], NOW, null)).toBeNull();
  });

  it('shows the drop picked by hand, unless it never started', () => {
    expect(pickDrop([ended, live], NOW, 1)?.id).toBe(1);
    expect(pickDrop([ended, live, draft], NOW, 3)?.id).toBe(2);
  });

  it('lists started drops for the picker, latest start first', () => {
    expect(startedDrops([ended, live, draft, soldOutRunning]).map((d) => d.id)).toEqual([2, 4, 1]);
  });
});
