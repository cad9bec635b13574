import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env";

type Window = { start: number; count: number };

export type RateLimitOptions = {
  /** Requests allowed per window, read per request (config may differ). */
  limit: (c: Context<AppEnv>) => number;
  windowMs?: number;
  now?: () => number;
  /** What to send once the limit is reached. */
  onLimited: (
    c: Context<AppEnv>,
    retryAfterSeconds: number,
  ) => Response | Promise<Response>;
};

// Requests from app.request() in tests have no socket to ask.
export const UNKNOWN_ADDRESS = "unknown";

/** The client's address from the Node socket, or a constant in tests. */
// TODO(a trusted-proxy setting): behind a reverse proxy every client
// shares the proxy's address, so the limit counts them together.
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS;
  } catch {
    return UNKNOWN_ADDRESS;
  }
}

/**
 * A fixed-window limit per client address, kept in memory. Each app (each
 * set of deps) gets its own counters, so tests on fresh apps start at zero.
 */
export function rateLimit(options: RateLimitOptions) {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const stores = new WeakMap<object, Map<string, Window>>();

  return createMiddleware<AppEnv>(async (c, next) => {
    let store = stores.get(c.var.deps);
    if (!store) stores.set(c.var.deps, (store = new Map()));

    const at = now();
    const key = clientAddress(c);
    let window = store.get(key);
    if (!window || at - window.start >= windowMs) {
      if (store.size > 10_000) sweep(store, at, windowMs);
      window = { start: at, count: 0 };
      store.set(key, window);
    }
    window.count += 1;

    if (window.count > options.limit(c)) {
      const retryAfter = Math.ceil((window.start + windowMs - at) / 1000);
      return options.onLimited(c, Math.max(1, retryAfter));
    }
    await next();
  });
}

// Keeps memory bounded when many addresses pass by.
function sweep(store: Map<string, Window>, at: number, windowMs: number) {
  for (const [key, window] of store) {
    if (at - window.start >= windowMs) store.delete(key);
  }
}
