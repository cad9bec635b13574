import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./env";

const NOTICE_COOKIE = "shoppass_notice";

/**
 * Post/Redirect/Get with a one-time "done" message: the next page shows it
 * once. Keep it free of personal data ("Badge awarded.").
 */
export function redirectWithNotice(
  c: Context<AppEnv>,
  to: string,
  notice: string,
) {
  setCookie(c, NOTICE_COOKIE, encodeURIComponent(notice), {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    maxAge: 60,
  });
  return c.redirect(to, 303);
}

/** Reads and clears the pending notice, if any. */
export function takeNotice(c: Context<AppEnv>): string | null {
  const value = getCookie(c, NOTICE_COOKIE);
  if (!value) return null;
  deleteCookie(c, NOTICE_COOKIE, { path: "/" });
  try {
    return decodeURIComponent(value).slice(0, 200);
  } catch {
    return null;
  }
}
