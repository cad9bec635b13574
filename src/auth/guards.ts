import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Role } from "../db/schema";
import { hasRole } from "../lib/actor";
import type { AppEnv } from "../lib/env";
import { ForbiddenError } from "../lib/errors";
import { findSessionUser } from "./service";

export const SESSION_COOKIE = "shoppass_session";

/** Puts the signed-in staff member (or null) on the context. */
export const loadUser = createMiddleware<AppEnv>(async (c, next) => {
  const sessionId = getCookie(c, SESSION_COOKIE);
  const user = sessionId ? findSessionUser(c.var.deps.db, sessionId) : null;
  c.set("user", user);
  c.set("actor", user ? { kind: "user", ...user } : null);
  await next();
});

/** Sends visitors without a staff session to the login page. */
export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const actor = c.var.actor;
    if (!actor || actor.kind !== "user") {
      const next = encodeURIComponent(c.req.path);
      const to = `/login?next=${next}`;
      if (c.req.header("HX-Request")) {
        c.header("HX-Redirect", to);
        return c.body(null, 200);
      }
      return c.redirect(to, 303);
    }
    if (!hasRole(actor, role)) {
      throw new ForbiddenError(`This page needs the ${role} role`);
    }
    await next();
  });
}

export const requireStaff = requireRole("staff");
export const requireSupervisor = requireRole("supervisor");
export const requireAdmin = requireRole("admin");
