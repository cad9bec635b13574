import { describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../support/app";

// These walk every route the app has, so a new route is checked too.

const PUBLIC = [
  /^\/login$/,
  /^\/healthz$/,
  /^\/favicon\.ico$/,
  /^\/badges(\/|$)/,
  /^\/s\//,
  /^\/m\//,
  /^\/kiosk\/pair$/,
  /^\/api\/v1\/(docs|openapi\.json)$/,
  /^\/assets\//,
  /^\/public\//,
];
const isPublic = (path: string) => PUBLIC.some((re) => re.test(path));

function routesOf(
  app: ReturnType<typeof createTestApp>["app"],
  method: string,
) {
  const paths = app.routes
    .filter((r) => r.method === method && !r.path.includes("*"))
    .map((r) => r.path.replace(/:\w+/g, "x1"));
  return [...new Set(paths)];
}

describe("every route", () => {
  it("sends an anonymous visitor to sign in unless the page is public", async () => {
    const { app } = createTestApp();
    const open: string[] = [];

    for (const path of routesOf(app, "GET").filter((p) => !isPublic(p))) {
      const res = await app.request(path);
      const to = res.headers.get("location") ?? "";
      const guarded =
        (res.status === 303 && /^\/(login|kiosk\/pair)/.test(to)) ||
        (path.startsWith("/api/") && res.status === 401);
      if (!guarded) open.push(`${path} -> ${res.status}`);
    }

    expect(open).toEqual([]);
  });

  it("refuses every cookie-authenticated write without the CSRF token", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const accepted: string[] = [];

    for (const path of routesOf(t.app, "POST")) {
      if (path.startsWith("/api/")) continue;
      const res = await t.app.request(path, {
        method: "POST",
        headers: {
          cookie: admin.cookie,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "reason=test",
      });
      if (res.status !== 403) accepted.push(`${path} -> ${res.status}`);
    }

    expect(accepted).toEqual([]);
  });

  it("serves no inline script or style attribute that the CSP would block", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const inline: string[] = [];

    for (const path of routesOf(t.app, "GET")) {
      if (path.includes("x1") || path.startsWith("/assets/")) continue;
      const res = await admin.get(path);
      if (!res.headers.get("content-type")?.includes("text/html")) continue;
      const html = await res.text();
      if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html))
        inline.push(`${path}: script`);
      if (/<[a-z][^>]*\sstyle="/i.test(html)) inline.push(`${path}: style`);
      if (/\son[a-z]+="/i.test(html)) inline.push(`${path}: handler`);
    }

    expect(inline).toEqual([]);
  });
});
