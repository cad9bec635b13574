import { Hono, type Context } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { serveStatic } from "@hono/node-server/serve-static";
import { loadUser, requireStaff } from "./auth/guards";
import { authRoutes } from "./auth/routes";
import { studentRoutes } from "./students/routes";
import { awardRoutes } from "./awards/routes";
import { holdRoutes } from "./holds/routes";
import { badgeRoutes } from "./badges/routes";
import { machineRoutes } from "./machines/routes";
import { auditRoutes } from "./audit/routes";
import { userRoutes } from "./users/routes";
import { kioskRoutes } from "./kiosk/routes";
import { deviceRoutes } from "./devices/routes";
import { studentPageRoutes } from "./student-page/routes";
import { cardRoutes } from "./cards/routes";
import { catalogRoutes } from "./catalog/routes";
import { reportRoutes } from "./reports/routes";
import { apiRoutes } from "./api/routes";
import { csrfProtection } from "./lib/csrf";
import type { AppEnv, Deps } from "./lib/env";
import { DomainError } from "./lib/errors";
import { requestLog } from "./lib/request-log";
import { pageContext } from "./lib/render";
import { ErrorPage } from "../views/error-page";
import { HomePage } from "../views/home";
import { sql } from "drizzle-orm";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Builds the whole app around its dependencies (tests pass their own). */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use(requestLog);
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        mediaSrc: ["'self'", "blob:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "same-origin",
      permissionsPolicy: { camera: ["self"], microphone: [] },
      // a route may tighten a header (the student page: no-referrer)
      overwrite: false,
    }),
  );

  app.get("/healthz", (c) => {
    deps.db.get(sql`select 1`);
    return c.json({ status: "ok" });
  });
  mountStatic(app);

  // The device API authenticates with a bearer secret, never a cookie.
  app.use("*", async (c, next) =>
    c.req.path.startsWith("/api/") ? next() : csrfProtection(c, next),
  );
  app.use("*", loadUser);
  // Sub-apps guard each route themselves: a use("*") in a sub-app mounted
  // at "/" would run for every later route too.
  app.route("/", authRoutes);
  app.route("/", studentRoutes);
  app.route("/", awardRoutes);
  app.route("/", holdRoutes);
  app.route("/", badgeRoutes);
  app.route("/", machineRoutes);
  app.route("/", auditRoutes);
  app.route("/", userRoutes);
  app.route("/", kioskRoutes);
  app.route("/", deviceRoutes);
  app.route("/", studentPageRoutes);
  app.route("/", cardRoutes);
  app.route("/", catalogRoutes);
  app.route("/", reportRoutes);
  app.route("/api/v1", apiRoutes);
  app.get("/", requireStaff, (c) => c.html(<HomePage ctx={pageContext(c)} />));

  app.notFound((c) => errorResponse(c, 404, "There is no page here."));
  app.onError((err, c) => {
    if (err instanceof DomainError) {
      return errorResponse(c, err.status, err.message, err.code);
    }
    c.var.deps.logger.error("unhandled error", {
      requestId: c.var.requestId,
      error: err.name,
      detail: err.message,
    });
    return errorResponse(c, 500, "Something went wrong. Please try again.");
  });
  return app;
}

function errorResponse(
  c: Context<AppEnv>,
  status: number,
  message: string,
  code = "error",
) {
  const s = status as 400 | 403 | 404 | 409 | 422 | 500;
  if (c.req.path.startsWith("/api/")) {
    return c.json({ error: { code, message } }, s);
  }
  const ctx = {
    user: c.var.user ?? null,
    csrfToken: c.var.csrfToken ?? "",
    path: c.req.path,
  };
  return c.html(<ErrorPage ctx={ctx} status={status} message={message} />, s);
}

// Absolute, so the app serves its files whatever the working directory.
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

const STATIC_FILES: Record<string, string> = {
  "/assets/htmx.min.js": "node_modules/htmx.org/dist/htmx.min.js",
};

function mountStatic(app: Hono<AppEnv>) {
  for (const [path, file] of Object.entries(STATIC_FILES)) {
    app.get(path, serveStatic({ path: join(PROJECT_ROOT, file) }));
  }
  app.use("/public/*", serveStatic({ root: PROJECT_ROOT }));
  // browsers ask for it whatever the page says
  app.get("/favicon.ico", (c) => c.redirect("/public/favicon.svg", 301));
}
