import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '@/lib/content/hover-intent';

let shown: string[];
let hides: number;
let intent: HoverIntent<string>;

beforeEach(() => {
  vi.useFakeTimers();
  shown = [];
  hides = 0;
  intent = new HoverIntent<string>({
    onShow: (t) => shown.push(t),
    onHide: () => hides++,
    now: () => Date.now(),
    dwellMs: 150,
    showDelayMs: 500,
    hideDelayMs: 300,
    maxSpeed: 0.5,
  });
});
afterEach(() => vi.useRealTimers());

/** Moves the pointer by dx px over dt ms in one sample, onto `target`. */
let x = 0;
const move = (target: string | null, dx = 1, dt = 16) => {
  vi.advanceTimersByTime(dt);
  x += dx;
  intent.pointerMoved(x, 100, target);
};

describe('hover intent', () => {
  it('shows the card after the pointer rests on a mention for the full delay, not before', () => {
    move('unodc');
    vi.advanceTimersByTime(480);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(shown).toEqual(['unodc']);
    expect(intent.visible).toBe('unodc');
  });

  it('does not show while the pointer sweeps fast across mentions', () => {
    for (let i = 0; i < 60; i++) move('unodc', 20, 16); // 1.25 px/ms for about a second
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(150); // once it rests, the dwell runs
    expect(shown).toEqual(['unodc']);
  });

  it('restarts when the pointer moves to another mention before the card shows', () => {
    move('unodc');
    vi.advanceTimersByTime(400);
    move('ilo');
    vi.advanceTimersByTime(400);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(120);
    expect(shown).toEqual(['ilo']);
  });

  it('cancels a pending card when the pointer leaves the mention', () => {
    move('unodc');
    vi.advanceTimersByTime(300);
    move(null);
    vi.advanceTimersByTime(1_000);
    expect(shown).toEqual([]);
  });

  it('closes 300 ms after the pointer leaves, unless it reaches the card', () => {
    move('unodc');
    vi.advanceTimersByTime(600);
    move(null);
    vi.advanceTimersByTime(250);
    intent.pointerOnCard(true);
    vi.advanceTimersByTime(1_000);
    expect(hides).toBe(0);
    intent.pointerOnCard(false);
    vi.advanceTimersByTime(299);
    expect(hides).toBe(0);
    vi.advanceTimersByTime(1);
    expect(hides).toBe(1);
    expect(intent.visible).toBeNull();
  });

  it('keeps the card when the pointer comes back to the mention in time', () => {
    move('unodc');
    vi.advanceTimersByTime(600);
    move(null);
    vi.advanceTimersByTime(200);
    move('unodc');
    vi.advanceTimersByTime(1_000);
    expect(hides).toBe(0);
    expect(shown).toEqual(['unodc']);
  });

  it('closes at once on dismiss (Escape, a click elsewhere) and shows at once on showNow (keyboard)', () => {
    intent.showNow('ilo');
    expect(shown).toEqual(['ilo']);
    intent.dismiss();
    expect(hides).toBe(1);
    intent.dismiss(); // nothing shown: nothing to hide
    expect(hides).toBe(1);
  });

  it('switches to another mention after its own delay, closing the first', () => {
    move('unodc');
    vi.advanceTimersByTime(600);
    move('ilo');
    vi.advanceTimersByTime(300);
    expect(hides).toBe(1); // left the first mention (not onto the card): it closed
    vi.advanceTimersByTime(250);
    expect(shown).toEqual(['unodc', 'ilo']);
  });
});
