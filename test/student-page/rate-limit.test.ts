import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { AppEnv, Deps } from "../../src/lib/env";
import { clientAddress, rateLimit } from "../../src/lib/rate-limit";

function limitedApp(limit: number, clock: { now: number }) {
  const deps = {} as Deps;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  const limiter = rateLimit({
    limit: () => limit,
    now: () => clock.now,
    onLimited: (c, retryAfter) => {
      c.header("Retry-After", String(retryAfter));
      return c.text("slow down", 429);
    },
  });
  app.get("/", limiter, (c) => c.text("ok"));
  return app;
}

describe("rateLimit", () => {
  it("lets the limit through and refuses the next request in the window", async () => {
    const clock = { now: 1_000_000 };
    const app = limitedApp(2, clock);

    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await app.request("/")).status);

    expect(statuses).toEqual([200, 200, 429]);
  });

  it("says how many seconds remain in the window", async () => {
    const clock = { now: 1_000_000 };
    const app = limitedApp(1, clock);
    await app.request("/");
    clock.now += 45_000;

    const res = await app.request("/");

    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("15");
  });

  it("starts counting again once the minute is over", async () => {
    const clock = { now: 1_000_000 };
    const app = limitedApp(1, clock);
    await app.request("/");
    await app.request("/");
    clock.now += 60_000;

    const res = await app.request("/");

    expect(res.status).toBe(200);
  });
});

describe("clientAddress", () => {
  it("reads the socket's address behind the Node server", async () => {
    const app = new Hono<AppEnv>();
    app.get("/", (c) => c.text(clientAddress(c)));
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve(
        { fetch: app.fetch, port: 0, hostname: "127.0.0.1" },
        () => resolve(s),
      );
    });
    const { port } = server.address() as AddressInfo;

    const res = await fetch(`http://127.0.0.1:${port}/`);

    expect(await res.text()).toBe("127.0.0.1");
    await new Promise((resolve) => server.close(resolve));
  });

  it("falls back to a constant for requests without a socket", async () => {
    const app = new Hono<AppEnv>();
    app.get("/", (c) => c.text(clientAddress(c)));

    const res = await app.request("/");

    expect(await res.text()).toBe("unknown");
  });
});
