import { Hono, type Context } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireSupervisor } from "../auth/guards";
import { requireKiosk } from "../devices/guards";
import type { AppEnv } from "../lib/env";
import { fieldErrors } from "../lib/forms";
import { isHtmx, renderPage } from "../lib/render";
import { KioskAreaPage, KioskPage } from "../../views/kiosk/kiosk-page";
import { MachineTiles } from "../../views/kiosk/machine-tiles";
import { KioskAnswerView } from "../../views/kiosk/answer";
import {
  KioskQuerySchema,
  OverrideFormSchema,
  ScanFormSchema,
  SignInFormSchema,
} from "./schemas";
import { boardRoutes } from "./board-routes";
import { tagRoutes } from "./tag-routes";
import {
  kioskMachines,
  openKiosk,
  overrideAtKiosk,
  overrideFormAgain,
  scanAtKiosk,
  tapToSignIn,
  type KioskAnswer,
  type KioskScope,
} from "./service";

export const kioskRoutes = new Hono<AppEnv>();
kioskRoutes.route("/", boardRoutes);
kioskRoutes.route("/", tagRoutes);

// The QR decoder runs in the kiosk browser, served by us (no CDN); the
// reader module imports "../share.js", so the two keep their layout.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ZXING = "node_modules/zxing-wasm/dist";
const ZXING_FILES: Record<string, string> = {
  "/assets/zxing/reader/index.js": `${ZXING}/es/reader/index.js`,
  "/assets/zxing/share.js": `${ZXING}/es/share.js`,
  "/assets/zxing/zxing_reader.wasm": `${ZXING}/reader/zxing_reader.wasm`,
};
for (const [path, file] of Object.entries(ZXING_FILES)) {
  kioskRoutes.get(path, serveStatic({ path: join(ROOT, file) }));
}

type Ctx = Context<AppEnv>;

// A paired device fixes the machine or area; staff choose the area.
function kioskScope(c: Ctx, area: string | undefined): KioskScope {
  const device = c.var.device;
  return {
    deviceId: device?.id ?? null,
    deviceName: device?.name ?? null,
    machineId: device?.machineId ?? null,
    area: device?.area ?? area ?? null,
  };
}

function staffOf(c: Ctx) {
  const user = c.var.user;
  return user ? { name: user.name, role: user.role } : null;
}

kioskRoutes.get("/kiosk", requireKiosk, (c) => {
  const { area } = KioskQuerySchema.parse(c.req.query());

  const screen = openKiosk(c.var.deps.db, kioskScope(c, area));

  const csrfToken = c.var.csrfToken;
  if (screen.kind === "choose-area") {
    return c.html(<KioskAreaPage areas={screen.areas} csrfToken={csrfToken} />);
  }
  const setup = { ...screen, staff: staffOf(c) };
  return c.html(<KioskPage setup={setup} csrfToken={csrfToken} />);
});

kioskRoutes.get("/kiosk/occupancy", requireKiosk, (c) => {
  const { area } = KioskQuerySchema.parse(c.req.query());

  const scope = kioskScope(c, area);
  const machines = kioskMachines(c.var.deps.db, scope);

  c.header("Cache-Control", "no-store");
  const selectable = scope.machineId === null;
  return c.html(<MachineTiles machines={machines} selectable={selectable} />);
});

// Answers go back as a partial for kiosk.js, or inside the whole kiosk
// page when the form was posted without it.
function answer(c: Ctx, result: KioskAnswer, status: 200 | 422 = 200) {
  const view = () => (
    <KioskAnswerView answer={result} csrfToken={c.var.csrfToken} />
  );
  c.header("Cache-Control", "no-store");
  if (isHtmx(c)) return renderPage(c, { page: view, partial: view }, status);

  const area = "area" in result ? result.area : undefined;
  const screen = openKiosk(c.var.deps.db, kioskScope(c, area));
  if (screen.kind === "choose-area") return c.redirect("/kiosk", 303);
  const setup = { ...screen, staff: staffOf(c) };
  return renderPage(
    c,
    {
      page: () => (
        <KioskPage setup={setup} csrfToken={c.var.csrfToken} outcome={view()} />
      ),
    },
    status,
  );
}

kioskRoutes.post("/kiosk/scan", requireKiosk, async (c) => {
  const parsed = ScanFormSchema.safeParse(await c.req.parseBody());
  if (!parsed.success) {
    const message = Object.values(fieldErrors(parsed.error))[0]!;
    return answer(c, { kind: "notice", message }, 422);
  }

  const { db, config } = c.var.deps;
  const scope = kioskScope(c, parsed.data.area);
  const result = scanAtKiosk(db, config, c.var.actor!, scope, parsed.data);

  return answer(c, result);
});

kioskRoutes.post("/kiosk/sign-in", requireKiosk, async (c) => {
  const body = await c.req.parseBody();
  const parsed = SignInFormSchema.safeParse(body);
  const { area } = KioskQuerySchema.parse({ area: body.area });
  if (!parsed.success) {
    return answer(c, { kind: "notice", message: "Scan the card again" }, 422);
  }

  const { db, config } = c.var.deps;
  const scope = kioskScope(c, area);
  const result = tapToSignIn(db, config, c.var.actor!, scope, parsed.data);

  return answer(c, result);
});

kioskRoutes.post(
  "/kiosk/override",
  requireSupervisor,
  requireKiosk,
  async (c) => {
    const body = await c.req.parseBody();
    const parsed = OverrideFormSchema.safeParse(body);
    const { area } = KioskQuerySchema.parse({ area: body.area });
    const { db, config } = c.var.deps;
    const scope = kioskScope(c, area);
    const actor = c.var.actor!;
    if (!parsed.success) {
      const again = SignInFormSchema.safeParse(body);
      if (!again.success) {
        return answer(
          c,
          { kind: "notice", message: "Scan the card again" },
          422,
        );
      }
      const error = fieldErrors(parsed.error).reason;
      const form = { reason: String(body.reason ?? ""), error };
      const decision = overrideFormAgain(db, actor, scope, again.data);
      return answer(
        c,
        { kind: "decision", decision, canOverride: true, form },
        422,
      );
    }

    const result = overrideAtKiosk(db, config, actor, scope, parsed.data);

    return answer(c, result);
  },
);
