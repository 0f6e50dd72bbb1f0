import { AsyncLocalStorage } from "node:async_hooks";
import type { TenantTx } from "../tenant-tx";
import { tenantGeneration } from "../data-version";

/**
 * Figures derived from a whole tenant's data (a campaign's evaluation, its rating set, the trend
 * of a dashboard view) are expensive on a large university: seconds of database reads and
 * evaluation. They are shared between requests and readers through this in-process cache:
 *
 * - **Stamp.** An entry records the tenant's data stamp it was computed from: the tenant's write
 *   generation in this process (src/server/data-version.ts, raised after every committed
 *   transaction that recorded an audit event) and the time of its latest audit event in the
 *   database (changes made through another app instance). Every change leaves an audit event, so
 *   an unchanged stamp means unchanged data and the entry is current.
 * - **Bounded staleness.** When the stamp has moved, an entry may still be served while it is
 *   younger than `staleFactor` times what it cost to compute (at most `maxStaleMs`); once it is
 *   older than `refreshFactor` times its cost (at most `refreshAfterMs`) a read also starts its
 *   refresh in the background. A small university's figures (tens of milliseconds) are thus
 *   recomputed within a second or two of any change; a large one's (seconds) every few minutes
 *   while changes keep coming, so that a stream of writes costs a bounded share of the CPU instead
 *   of one full evaluation per read. The reader is told (`stale`, `computedAt`).
 * - **Single flight.** Concurrent requests for the same key share one computation.
 * - **Limited concurrency.** Every computation runs through one process-wide queue
 *   (`HEAVY_CONCURRENCY` at a time): evaluations are CPU-bound and hold a pooled connection while
 *   they load, so running many at once only makes all of them slow and starves other requests.
 *
 * Values are shared between requests and users: only cache what is computed before any per-reader
 * narrowing, and never mutate a value taken from it. Keys must begin with the tenant id.
 */

export type DerivedEntry<V> = {
  value: V;
  /** The data stamp the value was computed from. */
  stamp: string;
  /** When the computation started (the data is at least this recent), ms since the epoch. */
  computedAt: number;
  /** What the computation took, ms. */
  costMs: number;
  /** From this age a stale entry is refreshed behind the reads (refreshAge, spread), ms. */
  refreshAtAgeMs: number;
};

export type DerivedRead<V> = DerivedEntry<V> & {
  /** True when the tenant's data has changed since the value was computed. */
  stale: boolean;
};

export type DerivedCacheOptions = {
  /** Entries kept (least recently used dropped first). */
  size?: number;
  /** The longest a stale entry is served, ms. */
  maxStaleMs?: number;
  /** A stale entry is served for at most this many times its cost. */
  staleFactor?: number;
  /** A stale entry is refreshed (in the background) once older than this many times its cost… */
  refreshFactor?: number;
  /** …or than this, ms. */
  refreshAfterMs?: number;
  /**
   * Each entry's refresh age is spread by up to this share either way (default 0.25), so that
   * figures computed together (a snapshot, its trend and rating basis; the same figures in
   * several app instances started together) do not all come due at the same moment.
   */
  refreshJitter?: number;
  /** Source of the spread (tests pass a fixed one). */
  random?: () => number;
  /** A current entry is dropped after this long all the same, ms. */
  ttlMs?: number;
  now?: () => number;
  /** Off: every read computes (the test suites' fixtures write without audit events). */
  enabled?: boolean;
};

/**
 * The longest a large university's figures go without a refresh while writes keep coming, and
 * the longest a stale entry is served: `FIGURES_REFRESH_SECONDS` (default 180), served stale for
 * at most twice that. A refresh of the large university's figures takes seconds of the request
 * thread (garbage collection and row decoding that pacing cannot split); under a steady stream
 * of writes it ran every minute in every instance and put the slowest requests of a load run in
 * clusters around it (docs/performance.md, "Fifth round"). Small universities are not affected:
 * their figures are refreshed within about twenty times what they cost (a second or two).
 */
export function figureRefreshLimits(
  env: Record<string, string | undefined> = process.env,
): Pick<DerivedCacheOptions, "refreshAfterMs" | "maxStaleMs"> {
  const seconds = Number(env.FIGURES_REFRESH_SECONDS ?? 180);
  const refreshAfterMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : 180) * 1000;
  return { refreshAfterMs, maxStaleMs: 2 * refreshAfterMs };
}

/**
 * Off under vitest unless a test turns it on (setDerivedCachingForTests): fixtures write straight
 * into the database, without the audit events the stamp relies on.
 */
let enabledByDefault = process.env.VITEST === undefined;

/** Test hook: turn the caches that were not given `enabled` on or off. */
export function setDerivedCachingForTests(on: boolean): void {
  enabledByDefault = on;
}

export const HEAVY_CONCURRENCY = 1;

/** A process-wide FIFO queue admitting `limit` tasks at a time. */
export class TaskQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next task, so `running` stays as it is.
      if (next) next();
      else this.running--;
    }
  }

  get pending(): number {
    return this.waiting.length;
  }
}

/** The pacing of a refresh running behind the reads (see yieldTurn). */
export type Pace = {
  /** When the current step started (performance.now()). */
  resumedAt: number;
  /** The pause after a step, as a multiple of the step's time (1 to MAX_PACE_FACTOR). */
  factor: number;
};

/** Set while a refresh runs behind the reads: its steps are paced (see yieldTurn). */
const behindReads = new AsyncLocalStorage<Pace>();

/** The longest pause between two steps of a refresh behind the reads, ms. */
const MAX_PACE_MS = 200;
/** Under contention a refresh pauses up to this many times as long as its last step took. */
export const MAX_PACE_FACTOR = 8;
/** A pause's timer this much late means other work held the thread, ms. */
const LATE_MS = 4;

/** Runs `task` as a refresh behind the reads: each yieldTurn inside it is a paced pause. */
export function runBehindReads<T>(task: () => Promise<T>, pace?: Pace): Promise<T> {
  return behindReads.run(pace ?? { resumedAt: performance.now(), factor: 1 }, task);
}

/**
 * A turn of the event loop between two CPU-bound steps of a computation, so that requests waiting
 * for the thread run in between. In a refresh behind the reads it is also a pause: as long as the
 * step just run (at most 200 ms) while the thread is otherwise idle, so that the refresh takes at
 * most about half of it; when the pause's timer fires late (requests held the thread past it) the
 * next pauses grow, up to eight times the step, so a refresh gives way to a busy server, and they
 * shrink again while the timers fire on time. Nobody waits for such a refresh: a stale value is
 * served meanwhile. It does not pause while another computation waits for the heavy-work queue,
 * so that a reader waiting for figures not yet computed is not held up by a paced refresh.
 */
export async function yieldTurn(): Promise<void> {
  const pace = behindReads.getStore();
  // Outside a refresh, or while another computation waits for the heavy-work queue this refresh
  // holds (a reader waiting for figures nobody has yet): a turn of the event loop and no pause.
  if (!pace || heavyWork.pending > 0) return new Promise((resolve) => setImmediate(resolve));
  const ran = performance.now() - pace.resumedAt;
  const pause = Math.min(MAX_PACE_MS, Math.max(1, ran * pace.factor));
  const asked = performance.now();
  await new Promise((resolve) => setTimeout(resolve, pause));
  const late = performance.now() - asked - pause;
  pace.factor =
    late > LATE_MS ? Math.min(MAX_PACE_FACTOR, pace.factor * 2) : Math.max(1, pace.factor * 0.75);
  pace.resumedAt = performance.now();
}

/** The queue every derived-figure computation runs through. */
export const heavyWork = new TaskQueue(HEAVY_CONCURRENCY);

/**
 * The tenant's data stamp as the transaction sees it now. Read it before the data: a change
 * committed while the data is read then gives the next read a new stamp.
 */
export async function tenantDataStamp(tx: TenantTx, tenantId: string): Promise<string> {
  const generation = tenantGeneration(tenantId);
  const [latest] = await tx.$queryRaw<{ at: string | null }[]>`
    SELECT max("at")::text AS "at" FROM "AuditEvent" WHERE "tenantId" = ${tenantId}::uuid`;
  return `${generation}|${latest?.at ?? ""}`;
}

export class DerivedCache<V> {
  private readonly entries = new Map<string, DerivedEntry<V>>();
  private readonly inflight = new Map<string, Promise<DerivedEntry<V>>>();
  private readonly size: number;
  private readonly maxStaleMs: number;
  private readonly staleFactor: number;
  private readonly refreshFactor: number;
  private readonly refreshAfterMs: number;
  private readonly refreshJitter: number;
  private readonly random: () => number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly enabledOption: boolean | undefined;

  constructor(options: DerivedCacheOptions = {}) {
    this.size = options.size ?? 4;
    this.maxStaleMs = options.maxStaleMs ?? 120_000;
    this.staleFactor = options.staleFactor ?? 40;
    this.refreshFactor = options.refreshFactor ?? 20;
    this.refreshAfterMs = options.refreshAfterMs ?? 60_000;
    this.refreshJitter = options.refreshJitter ?? 0.25;
    this.random = options.random ?? Math.random;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
    this.enabledOption = options.enabled;
  }

  get enabled(): boolean {
    return this.enabledOption ?? enabledByDefault;
  }

  /** How long an entry computed at this cost may be served after the data changed, ms. */
  allowance(costMs: number): number {
    return Math.min(this.maxStaleMs, costMs * this.staleFactor);
  }

  /** From what age a stale entry computed at this cost is refreshed behind the reads, ms. */
  refreshAge(costMs: number): number {
    return Math.min(this.refreshAfterMs, costMs * this.refreshFactor, this.allowance(costMs));
  }

  /**
   * The value for `key` at `stamp`: the current entry, or a stale one within its allowance (its
   * refresh started in the background once it is old enough), or a new computation (shared with
   * any running one).
   * `compute` runs through the heavy-work queue.
   */
  async get(key: string, stamp: string, compute: () => Promise<V>): Promise<DerivedRead<V>> {
    if (!this.enabled) {
      const entry = await this.computeEntry(stamp, compute);
      return { ...entry, stale: false };
    }
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.computedAt > this.ttlMs) this.entries.delete(key);
    else if (hit) {
      this.touch(key, hit);
      if (hit.stamp === stamp) return { ...hit, stale: false };
      const age = now - hit.computedAt;
      if (age <= this.allowance(hit.costMs)) {
        // Served as it is; once old enough its refresh runs behind it (a failure leaves it in place).
        if (age >= hit.refreshAtAgeMs && !this.inflight.has(key)) {
          const behind = runBehindReads(() => this.refresh(key, stamp, compute));
          behind.catch((error: unknown) => {
            console.error(`derived figures: background refresh of ${key} failed`, error);
          });
        }
        return { ...hit, stale: true };
      }
    }
    const entry = await this.refresh(key, stamp, compute);
    return { ...entry, stale: entry.stamp !== stamp };
  }

  /** The entry for `key` if one is kept (current or not), without computing. */
  peek(key: string): DerivedEntry<V> | undefined {
    return this.enabled ? this.entries.get(key) : undefined;
  }

  private refresh(key: string, stamp: string, compute: () => Promise<V>) {
    let running = this.inflight.get(key);
    if (!running) {
      running = this.computeEntry(stamp, compute)
        .then((entry) => {
          const kept = this.entries.get(key);
          // A slower computation that started earlier never replaces a newer one.
          if (!kept || kept.computedAt <= entry.computedAt) this.touch(key, entry);
          return entry;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    return running;
  }

  private async computeEntry(stamp: string, compute: () => Promise<V>): Promise<DerivedEntry<V>> {
    return heavyWork.run(async () => {
      const computedAt = this.now();
      const value = await compute();
      const costMs = Math.max(0, this.now() - computedAt);
      const spread = 1 + this.refreshJitter * (2 * this.random() - 1);
      const refreshAtAgeMs = Math.min(this.allowance(costMs), this.refreshAge(costMs) * spread);
      return { value, stamp, computedAt, costMs, refreshAtAgeMs };
    });
  }

  private touch(key: string, entry: DerivedEntry<V>) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
