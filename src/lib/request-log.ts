import { createMiddleware } from "hono/factory";
import { randomUUID } from "node:crypto";
import type { AppEnv } from "./env";

/** One JSON line per request: ids, route, status and duration, nothing personal. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const start = performance.now();
  const requestId = randomUUID();
  c.set("requestId", requestId);
  c.header("X-Request-Id", requestId);

  await next();

  // c.get: c.var copies every variable on each read
  const actor = c.get("actor");
  c.get("deps").logger.info("request", {
    requestId,
    method: c.req.method,
    route: c.req.routePath,
    status: c.res.status,
    ms: Math.round((performance.now() - start) * 10) / 10,
    actor: actor ? `${actor.kind}:${"id" in actor ? actor.id : "-"}` : null,
  });
});
