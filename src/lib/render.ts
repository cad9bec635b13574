import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { AppEnv } from "./env";
import { takeNotice } from "./notice";
import type { PageContext } from "../../views/layout";

export function isHtmx(c: Context<AppEnv>): boolean {
  // htmx 4 restores history by fetching the URL into <body>: that needs
  // the full page even though it sends HX-Request.
  if (c.req.header("HX-History-Restore-Request") === "true") return false;
  return c.req.header("HX-Request") === "true";
}

/** What every page view needs from the request: who, CSRF token, path. */
export function pageContext(c: Context<AppEnv>): PageContext {
  return {
    user: c.var.user,
    csrfToken: c.var.csrfToken,
    path: c.req.path,
    notice: isHtmx(c) ? null : takeNotice(c),
  };
}

/**
 * Renders the full page, or only the partial for an htmx request, and says
 * so in Vary so caches keep the two apart.
 */
export function renderPage(
  c: Context<AppEnv>,
  views: { page: () => JSX.Element; partial?: () => JSX.Element },
  status: 200 | 404 | 409 | 422 | 403 | 400 = 200,
) {
  c.header("Vary", "HX-Request");
  const view = isHtmx(c) && views.partial ? views.partial : views.page;
  return c.html(view(), status);
}
