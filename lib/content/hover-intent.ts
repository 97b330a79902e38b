/**
 * Hover intent: decides when the card for a mention shows and hides, from pointer samples alone.
 * Pure logic with injectable clock and timers, so every timing rule is unit-tested.
 *
 * Show: the pointer has been on the same mention for CARD_SHOW_DELAY_MS and has rested (moved slower than
 * CARD_MAX_POINTER_SPEED) for CARD_DWELL_MS. Hide: CARD_HIDE_DELAY_MS after the pointer left both the
 * mention and the card; at once on Escape or a click elsewhere.
 */
import { CARD_DWELL_MS, CARD_HIDE_DELAY_MS, CARD_MAX_POINTER_SPEED, CARD_SHOW_DELAY_MS } from '../constants';

export interface HoverIntentOptions<T> {
  onShow(target: T): void;
  onHide(): void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  dwellMs?: number;
  /** A number, or a function read each time (a setting the reader can change while the page is open). */
  showDelayMs?: number | (() => number);
  hideDelayMs?: number;
  maxSpeed?: number;
}

export class HoverIntent<T> {
  private readonly o: Required<Omit<HoverIntentOptions<T>, 'showDelayMs'>> & { showDelayMs: () => number };
  private pending: { target: T; since: number; stillSince: number } | null = null;
  private shown: T | null = null;
  private onCard = false;
  private last: { x: number; y: number; t: number } | null = null;
  private showTimer: unknown = null;
  private hideTimer: unknown = null;

  constructor(options: HoverIntentOptions<T>) {
    this.o = {
      now: () => performance.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      dwellMs: CARD_DWELL_MS,
      hideDelayMs: CARD_HIDE_DELAY_MS,
      maxSpeed: CARD_MAX_POINTER_SPEED,
      ...options,
      showDelayMs: typeof options.showDelayMs === 'function' ? options.showDelayMs : () => (options.showDelayMs as number | undefined) ?? CARD_SHOW_DELAY_MS,
    };
  }

  get visible(): T | null {
    return this.shown;
  }

  /** A pointer sample: where it is and which mention (by identity) is under it, or null. */
  pointerMoved(x: number, y: number, target: T | null): void {
    const t = this.o.now();
    const fast = this.last !== null && t > this.last.t && Math.hypot(x - this.last.x, y - this.last.y) / (t - this.last.t) > this.o.maxSpeed;
    this.last = { x, y, t };

    if (target === null) {
      this.cancelPending();
      if (this.shown !== null && !this.onCard) this.scheduleHide();
      return;
    }
    if (target === this.shown) {
      this.cancelHide();
      this.cancelPending();
      return;
    }
    if (this.shown !== null && !this.onCard) this.scheduleHide();
    if (!this.pending || this.pending.target !== target) {
      this.pending = { target, since: t, stillSince: t };
    } else if (fast) {
      this.pending.stillSince = t;
    }
    this.scheduleShowCheck();
  }

  /** The pointer entered (true) or left (false) the card. */
  pointerOnCard(inside: boolean): void {
    this.onCard = inside;
    if (inside) this.cancelHide();
    else if (this.shown !== null) this.scheduleHide();
  }

  /** Shows a card at once (keyboard route: the reader chose a mention from the list). */
  showNow(target: T): void {
    this.cancelPending();
    this.cancelHide();
    this.shown = target;
    this.o.onShow(target);
  }

  /** Escape, a click elsewhere, scrolling the mention away: close now. */
  dismiss(): void {
    this.cancelPending();
    this.cancelHide();
    if (this.shown !== null) {
      this.shown = null;
      this.onCard = false;
      this.o.onHide();
    }
  }

  private scheduleShowCheck(): void {
    if (this.showTimer !== null) this.o.clearTimer(this.showTimer);
    const p = this.pending!;
    const due = Math.max(p.since + this.o.showDelayMs(), p.stillSince + this.o.dwellMs) - this.o.now();
    this.showTimer = this.o.setTimer(() => {
      this.showTimer = null;
      const current = this.pending;
      if (!current) return;
      const now = this.o.now();
      if (now - current.since >= this.o.showDelayMs() && now - current.stillSince >= this.o.dwellMs) {
        this.pending = null;
        this.cancelHide();
        this.shown = current.target;
        this.onCard = false;
        this.o.onShow(current.target);
      } else {
        this.scheduleShowCheck();
      }
    }, Math.max(0, due));
  }

  private scheduleHide(): void {
    if (this.hideTimer !== null) return;
    this.hideTimer = this.o.setTimer(() => {
      this.hideTimer = null;
      if (this.onCard) return;
      this.shown = null;
      this.o.onHide();
    }, this.o.hideDelayMs);
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) this.o.clearTimer(this.hideTimer);
    this.hideTimer = null;
  }

  private cancelPending(): void {
    if (this.showTimer !== null) this.o.clearTimer(this.showTimer);
    this.showTimer = null;
    this.pending = null;
  }
}
