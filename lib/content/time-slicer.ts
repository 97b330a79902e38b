/**
 * Cooperative time slicing: long loops call `slice.shouldYield()` and, when the budget is spent,
 * `await slice.yield()` so the page stays responsive (no long tasks caused by us).
 */
import { SCAN_NODES_PER_CLOCK_CHECK, SCAN_SLICE_BUDGET_MS } from '../constants';

export interface TimeSlicer {
  shouldYield(): boolean;
  yield(): Promise<void>;
}

type SchedulerWithYield = { yield?: () => Promise<void> };

export function yieldToPage(): Promise<void> {
  // scheduler.yield() resumes ahead of other queued tasks (Chrome 129+); setTimeout elsewhere.
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createTimeSlicer(
  budgetMs: number = SCAN_SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
  yielder: () => Promise<void> = yieldToPage,
): TimeSlicer {
  let sliceStart = now();
  let calls = 0;
  return {
    shouldYield() {
      if (++calls % SCAN_NODES_PER_CLOCK_CHECK !== 0) return false;
      return now() - sliceStart >= budgetMs;
    },
    async yield() {
      await yielder();
      sliceStart = now();
    },
  };
}
