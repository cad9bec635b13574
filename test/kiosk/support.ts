// Kiosk test helpers: a paired kiosk client and a small shop to scan in.
import {
  credentialUrl,
  currentCredentialToken,
} from "../../src/credentials/service";
import { registerDevice } from "../../src/devices/service";
import { CSRF, type TestApp } from "../support/app";
import {
  makeAward,
  makeBadge,
  makeMachine,
  makeStudent,
} from "../support/factories";

type T = Pick<TestApp, "app" | "db" | "config">;

/** A kiosk browser paired with a new device (shared, or pinned). */
export function pairKiosk(
  t: T,
  where: { area?: string; machineCode?: string } = {},
) {
  const { id, secret } = registerDevice(
    t.db,
    { kind: "cli" },
    { name: "Front desk kiosk", kind: "kiosk", ...where },
  );
  return { id, ...browser(t, `shoppass_device=${secret}`) };
}

/** Requests as kiosk.js sends them (partials), with cookie and CSRF. */
export function browser(t: T, cookies: string) {
  const cookie = `${cookies}; shoppass_csrf=${CSRF}`;
  return {
    cookie,
    get: (path: string, headers: Record<string, string> = {}) =>
      t.app.request(path, { headers: { cookie, ...headers } }),
    post: (
      path: string,
      form: Record<string, string>,
      headers: Record<string, string> = { "HX-Request": "true" },
    ) =>
      t.app.request(path, {
        method: "POST",
        headers: {
          cookie,
          "content-type": "application/x-www-form-urlencoded",
          ...headers,
        },
        body: new URLSearchParams({ _csrf: CSRF, ...form }),
      }),
  };
}

/**
 * A lathe that needs a safety badge, a cleared and a denied student, and
 * the URL each one's card carries.
 */
export function makeShop(t: T) {
  const safety = makeBadge(t.db, {
    slug: "shop-safety",
    name: "Shop Safety",
  });
  const lathe = makeMachine(t.db, {
    code: "LATHE-02",
    name: "Lathe 2",
    area: "Machine Shop",
    requirement: "shop-safety",
  });
  const mill = makeMachine(t.db, {
    code: "MILL-01",
    name: "Mill 1",
    area: "Machine Shop",
  });
  const welder = makeMachine(t.db, {
    code: "MIG-01",
    name: "MIG Welder",
    area: "Weld Shop",
  });
  const ada = makeStudent(t.db, { firstName: "Ada", lastName: "Lovelace" });
  makeAward(t.db, { studentId: ada.id, badgeId: safety.id });
  const bob = makeStudent(t.db, { firstName: "Bob", lastName: "Denied" });
  const card = (id: number) =>
    credentialUrl(t.config, currentCredentialToken(t.db, t.config, id));
  return {
    safety,
    lathe,
    mill,
    welder,
    ada: { ...ada, card: card(ada.id) },
    bob: { ...bob, card: card(bob.id) },
  };
}
