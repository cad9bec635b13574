import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { timingSafeEqual } from "node:crypto";
import type { AppEnv } from "./env";
import { ForbiddenError } from "./errors";
import { randomToken } from "./tokens";

export const CSRF_COOKIE = "shoppass_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Double-submit CSRF check for every cookie-authenticated write: the form
 * field or header must equal the SameSite cookie. Bearer API calls carry no
 * cookies and are exempt (see src/app.ts).
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || token.length < 32) {
    token = randomToken();
    setCookie(c, CSRF_COOKIE, token, {
      httpOnly: true,
      sameSite: "Strict",
      path: "/",
      secure: c.var.deps.config.secureCookies,
    });
  }
  c.set("csrfToken", token);

  if (!SAFE.has(c.req.method)) {
    const sent = c.req.header(CSRF_HEADER) ?? (await formToken(c));
    if (!sent || !same(sent, token)) {
      throw new ForbiddenError(
        "The form has expired. Reload the page and try again.",
      );
    }
  }
  await next();
});

// parseBody caches the body, so handlers can still read the form.
async function formToken(c: Context<AppEnv>) {
  const type = c.req.header("content-type") ?? "";
  if (!type.includes("form")) return undefined;
  const value = (await c.req.parseBody())[CSRF_FIELD];
  return typeof value === "string" ? value : undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
