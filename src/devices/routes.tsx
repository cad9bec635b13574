import { Hono, type Context } from "hono";
import { setCookie } from "hono/cookie";
import { requireAdmin } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { InvalidError, NotFoundError } from "../lib/errors";
import { fieldErrors, formValues, type FormState } from "../lib/forms";
import { pageContext, renderPage } from "../lib/render";
import { DevicesPage, type NewDevice } from "../../views/devices/devices-page";
import { PairPage } from "../../views/devices/pair-page";
import { DEVICE_COOKIE } from "./guards";
import { DeviceIdSchema, PairSchema, RegisterDeviceSchema } from "./schemas";
import {
  listDevices,
  listMachineChoices,
  pairKiosk,
  registerDevice,
  revokeDevice,
} from "./service";
import { redirectWithNotice } from "../lib/notice";

export const deviceRoutes = new Hono<AppEnv>();

// Browsers cap cookie lifetimes at 400 days; revoking ends it sooner.
const PAIRED_SECONDS = 400 * 86_400;
const BAD_SECRET = "That secret is not a kiosk's, or it was revoked";

function pair(c: Context<AppEnv>, secret: string) {
  const device = pairKiosk(c.var.deps.db, secret);
  if (!device) {
    const page = () => <PairPage ctx={pageContext(c)} error={BAD_SECRET} />;
    return renderPage(c, { page }, 422);
  }
  setCookie(c, DEVICE_COOKIE, secret.trim(), {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: c.var.deps.config.secureCookies,
    maxAge: PAIRED_SECONDS,
  });
  return c.redirect("/kiosk", 303);
}

deviceRoutes.get("/kiosk/pair", (c) => {
  const secret = c.req.query("secret");
  if (secret) return pair(c, secret);
  return renderPage(c, { page: () => <PairPage ctx={pageContext(c)} /> });
});

deviceRoutes.post("/kiosk/pair", async (c) => {
  const parsed = PairSchema.safeParse(await c.req.parseBody());
  if (!parsed.success) {
    const error = fieldErrors(parsed.error).secret;
    const page = () => <PairPage ctx={pageContext(c)} error={error} />;
    return renderPage(c, { page }, 422);
  }
  return pair(c, parsed.data.secret);
});

function devicesPage(
  c: Context<AppEnv>,
  form: FormState,
  created?: NewDevice,
  status: 200 | 422 = 200,
) {
  const { db } = c.var.deps;
  const devices = listDevices(db, c.var.actor!);
  const machines = listMachineChoices(db);
  const page = () => (
    <DevicesPage
      ctx={pageContext(c)}
      devices={devices}
      machines={machines}
      form={form}
      created={created}
    />
  );
  return renderPage(c, { page }, status);
}

deviceRoutes.get("/admin/devices", requireAdmin, (c) =>
  devicesPage(c, { values: {}, errors: {} }),
);

// Not a redirect: the secret is shown on this response and never again.
deviceRoutes.post("/admin/devices", requireAdmin, async (c) => {
  const body = await c.req.parseBody();
  const values = formValues(body);
  const parsed = RegisterDeviceSchema.safeParse(body);
  if (!parsed.success) {
    return devicesPage(
      c,
      { values, errors: fieldErrors(parsed.error) },
      undefined,
      422,
    );
  }

  const { db, config } = c.var.deps;
  try {
    const { secret } = registerDevice(db, c.var.actor!, parsed.data);
    const pairUrl = `${config.publicUrl}/kiosk/pair?secret=${secret}`;
    const { name, kind } = parsed.data;
    c.header("Cache-Control", "no-store");
    return devicesPage(
      c,
      { values: {}, errors: {} },
      { name, kind, secret, pairUrl },
    );
  } catch (error) {
    if (!(error instanceof InvalidError)) throw error;
    const errors = { _form: error.message, ...error.fields };
    return devicesPage(c, { values, errors }, undefined, 422);
  }
});

deviceRoutes.post("/admin/devices/:id/revoke", requireAdmin, (c) => {
  const parsed = DeviceIdSchema.safeParse(c.req.param());
  if (!parsed.success) throw new NotFoundError("There is no such device");
  revokeDevice(c.var.deps.db, c.var.actor!, parsed.data.id);
  return redirectWithNotice(c, "/admin/devices", "Device revoked.");
});
