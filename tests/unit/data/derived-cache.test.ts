import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DerivedCache,
  figureRefreshLimits,
  MAX_PACE_FACTOR,
  TaskQueue,
  heavyWork,
  runBehindReads,
  yieldTurn,
  type Pace,
} from "@/server/data/derived-cache";

/** A computation the test finishes by hand, to observe what runs while it is pending. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("DerivedCache", () => {
  let clock = 1_000_000;
  const now = () => clock;
  /** The middle of the spread: every refresh age exactly as refreshAge gives it. */
  const random = () => 0.5;
  afterEach(() => {
    clock = 1_000_000;
    vi.restoreAllMocks();
  });

  /** A compute function that takes `costMs` of the fake clock and counts its calls. */
  function counter(costMs: number) {
    let calls = 0;
    const compute = async () => {
      calls++;
      clock += costMs;
      return `value ${calls}`;
    };
    return { compute, calls: () => calls };
  }

  it("computes once while the stamp is unchanged", async () => {
    const cache = new DerivedCache<string>({ now, random, enabled: true });
    const c = counter(10);
    const first = await cache.get("t|a", "s1", c.compute);
    const second = await cache.get("t|a", "s1", c.compute);
    expect(first).toMatchObject({ value: "value 1", stale: false, costMs: 10 });
    expect(second).toMatchObject({ value: "value 1", stale: false });
    expect(c.calls()).toBe(1);
  });

  it("recomputes a cheap entry on the first read after a change", async () => {
    // 10 ms of cost allows 400 ms of staleness; 1 s later the entry is too old to serve.
    const cache = new DerivedCache<string>({ now, random, enabled: true, staleFactor: 40 });
    const c = counter(10);
    await cache.get("t|a", "s1", c.compute);
    clock += 1_000;
    const read = await cache.get("t|a", "s2", c.compute);
    expect(read).toMatchObject({ value: "value 2", stale: false });
    expect(c.calls()).toBe(2);
  });

  it("serves an expensive entry stale within its allowance and refreshes it behind the reads once old enough", async () => {
    const cache = new DerivedCache<string>({ now, random, enabled: true });
    await cache.get("t|a", "s1", async () => {
      clock += 2_000; // served stale up to min(120 s, 40 × 2 s), refreshed from min(60 s, 20 × 2 s)
      return "old";
    });
    expect(cache.allowance(2_000)).toBe(80_000);
    expect(cache.refreshAge(2_000)).toBe(40_000);
    const refresh = deferred<string>();
    const compute = vi.fn(() => refresh.promise);
    // Young: served as it is, nothing recomputed yet.
    clock += 5_000;
    expect(await cache.get("t|a", "s2", compute)).toMatchObject({ value: "old", stale: true });
    await settle();
    expect(compute).not.toHaveBeenCalled();
    // Old enough: still served, and its refresh starts behind the read.
    clock += 40_000;
    const stale = await cache.get("t|a", "s2", compute);
    expect(stale).toMatchObject({ value: "old", stale: true });
    await settle();
    expect(compute).toHaveBeenCalledTimes(1);
    // A second read while the refresh runs is served the old value and starts nothing more.
    expect(await cache.get("t|a", "s2", compute)).toMatchObject({ value: "old", stale: true });
    await settle();
    expect(compute).toHaveBeenCalledTimes(1);
    refresh.resolve("new");
    await settle();
    expect(await cache.get("t|a", "s2", compute)).toMatchObject({ value: "new", stale: false });
  });

  it("spreads refresh ages by up to a quarter either way, never beyond the allowance", async () => {
    const ages: number[] = [];
    for (const r of [0, 0.5, 0.999]) {
      const cache = new DerivedCache<string>({ now, random: () => r, enabled: true });
      const compute = vi.fn(async () => {
        clock += 2_000; // refreshAge 40 s
        return "v";
      });
      await cache.get("t|a", "s1", compute);
      const start = clock;
      // Step a second at a time (the data changed) until a read starts a refresh.
      for (;;) {
        clock += 1_000;
        await cache.get("t|a", "s2", compute);
        await settle();
        if (compute.mock.calls.length > 1) break;
      }
      // The age at which it started: the clock less the refresh's own 2 s, from computedAt (start − 2 s).
      ages.push(clock - start);
    }
    expect(ages[0]).toBe(30_000);
    expect(ages[1]).toBe(40_000);
    expect(ages[2]).toBeGreaterThanOrEqual(49_000);
    expect(ages[2]).toBeLessThanOrEqual(50_000);
  });

  it("waits for a new value once a stale entry is older than the longest allowance", async () => {
    const cache = new DerivedCache<string>({ now, random, enabled: true, maxStaleMs: 120_000 });
    await cache.get("t|a", "s1", async () => {
      clock += 10_000;
      return "old";
    });
    clock += 121_000;
    const read = await cache.get("t|a", "s2", async () => "new");
    expect(read).toMatchObject({ value: "new", stale: false });
  });

  it("shares one computation between concurrent reads of a missing key", async () => {
    const cache = new DerivedCache<string>({ now, random, enabled: true });
    const gate = deferred<string>();
    const compute = vi.fn(() => gate.promise);
    const reads = [1, 2, 3].map(() => cache.get("t|a", "s1", compute));
    await settle();
    gate.resolve("shared");
    const values = await Promise.all(reads);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(values.map((v) => v.value)).toEqual(["shared", "shared", "shared"]);
  });

  it("keeps the stale entry when its background refresh fails, and tries again on a later read", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const cache = new DerivedCache<string>({ now, random, enabled: true });
    await cache.get("t|a", "s1", async () => {
      clock += 2_000;
      return "old";
    });
    clock += 45_000; // past the refresh age (40 s), within the allowance (80 s)
    const failing = vi.fn(async () => {
      throw new Error("database gone");
    });
    expect(await cache.get("t|a", "s2", failing)).toMatchObject({ value: "old", stale: true });
    await settle();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(await cache.get("t|a", "s2", async () => "new")).toMatchObject({
      value: "old",
      stale: true,
    });
    await settle();
    expect(await cache.get("t|a", "s2", failing)).toMatchObject({ value: "new", stale: false });
  });

  it("keeps at most `size` entries, dropping the least recently used", async () => {
    const cache = new DerivedCache<string>({ now, random, enabled: true, size: 2 });
    await cache.get("t|a", "s", async () => "a");
    await cache.get("t|b", "s", async () => "b");
    await cache.get("t|a", "s", async () => "a again"); // a is now the most recent
    await cache.get("t|c", "s", async () => "c");
    expect(cache.peek("t|a")?.value).toBe("a");
    expect(cache.peek("t|b")).toBeUndefined();
    expect(cache.peek("t|c")?.value).toBe("c");
  });

  it("computes on every read when disabled", async () => {
    const cache = new DerivedCache<string>({ now, random, enabled: false });
    const c = counter(1);
    await cache.get("t|a", "s1", c.compute);
    await cache.get("t|a", "s1", c.compute);
    expect(c.calls()).toBe(2);
  });
});

describe("TaskQueue", () => {
  it("runs at most `limit` tasks at a time, in arrival order", async () => {
    const queue = new TaskQueue(1);
    const order: string[] = [];
    const first = deferred<void>();
    const a = queue.run(async () => {
      order.push("a start");
      await first.promise;
      order.push("a end");
    });
    const b = queue.run(async () => {
      order.push("b start");
    });
    const c = queue.run(async () => {
      order.push("c start");
    });
    await settle();
    expect(order).toEqual(["a start"]);
    expect(queue.pending).toBe(2);
    first.resolve();
    await Promise.all([a, b, c]);
    expect(order).toEqual(["a start", "a end", "b start", "c start"]);
  });

  it("frees the slot when a task fails", async () => {
    const queue = new TaskQueue(1);
    await expect(
      queue.run(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await expect(queue.run(async () => "next")).resolves.toBe("next");
  });
});

describe("yieldTurn", () => {
  /** Busy-waits `ms` of real time on the thread, as a CPU-bound step or request would. */
  const spin = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy
    }
  };

  it("in a refresh does not pause while another computation waits for the heavy-work queue", async () => {
    const holding = deferred<void>();
    const held = heavyWork.run(() => holding.promise);
    const waiting = heavyWork.run(async () => "computed");
    expect(heavyWork.pending).toBe(1);
    await runBehindReads(async () => {
      spin(50);
      const t = performance.now();
      await yieldTurn();
      // A paced pause would last at least the 50 ms step.
      expect(performance.now() - t).toBeLessThan(40);
    });
    holding.resolve();
    await held;
    expect(await waiting).toBe("computed");
    expect(heavyWork.pending).toBe(0);
  });

  it("outside a refresh is one turn of the event loop", async () => {
    const order: string[] = [];
    setImmediate(() => order.push("other work"));
    await yieldTurn();
    order.push("after the turn");
    expect(order).toEqual(["other work", "after the turn"]);
  });

  it("in a refresh pauses at least as long as the step, and backs off while other work holds the thread", async () => {
    const pace: Pace = { resumedAt: 0, factor: 1 };
    await runBehindReads(async () => {
      pace.resumedAt = performance.now();
      // The pause lasts at least as long as the step.
      spin(10);
      let t = performance.now();
      await yieldTurn();
      expect(performance.now() - t).toBeGreaterThanOrEqual(9);

      // Other work holds the thread past each pause (a request queued before the pause's timer,
      // longer than the longest pause): the pauses grow, up to the limit.
      for (let i = 0; i < 6; i++) {
        spin(5);
        setTimeout(() => spin(5 * MAX_PACE_FACTOR + 30), 0);
        await yieldTurn();
      }
      expect(pace.factor).toBe(MAX_PACE_FACTOR);
      spin(5);
      t = performance.now();
      await yieldTurn();
      expect(performance.now() - t).toBeGreaterThanOrEqual(5 * MAX_PACE_FACTOR - 1);

      // Nothing else holds the thread: the factor comes back down.
      for (let i = 0; i < 30; i++) {
        spin(1);
        await yieldTurn();
      }
      expect(pace.factor).toBeLessThan(MAX_PACE_FACTOR);
    }, pace);
  }, 20_000);
});

describe("figureRefreshLimits", () => {
  it("refreshes a large university's figures every 180 s by default, served stale for twice that", () => {
    expect(figureRefreshLimits({})).toEqual({ refreshAfterMs: 180_000, maxStaleMs: 360_000 });
    expect(figureRefreshLimits({ FIGURES_REFRESH_SECONDS: "60" })).toEqual({
      refreshAfterMs: 60_000,
      maxStaleMs: 120_000,
    });
    expect(figureRefreshLimits({ FIGURES_REFRESH_SECONDS: "soon" }).refreshAfterMs).toBe(180_000);
    expect(figureRefreshLimits({ FIGURES_REFRESH_SECONDS: "0" }).refreshAfterMs).toBe(180_000);
  });
});
