import type { Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/env";
import { authenticateDevice, type DeviceActor } from "./service";

/** The long-lived cookie a paired kiosk browser keeps its secret in. */
export const DEVICE_COOKIE = "shoppass_device";
export const PAIR_PATH = "/kiosk/pair";

function bearerSecret(c: Context<AppEnv>): string | null {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

function cookieDevice(c: Context<AppEnv>): DeviceActor | null {
  const secret = getCookie(c, DEVICE_COOKIE);
  if (!secret) return null;
  const device = authenticateDevice(c.var.deps.db, secret);
  // a revoked or unknown secret is of no use to keep
  if (!device) deleteCookie(c, DEVICE_COOKIE, { path: "/" });
  return device;
}

function setDevice(c: Context<AppEnv>, device: DeviceActor | null) {
  c.set("device", device);
  if (device && !c.var.user) c.set("actor", device);
}

/**
 * Puts the device (from the device cookie or a bearer secret) on the
 * context; it becomes the actor only when no staff member is signed in.
 */
export const loadDevice = createMiddleware<AppEnv>(async (c, next) => {
  const secret = bearerSecret(c);
  const device = secret
    ? authenticateDevice(c.var.deps.db, secret)
    : cookieDevice(c);
  setDevice(c, device);
  await next();
});

/**
 * Lets in a paired, unrevoked kiosk browser or a signed-in staff member;
 * anyone else is sent to the pairing page (JSON callers get a 401).
 */
export const requireKiosk = createMiddleware<AppEnv>(async (c, next) => {
  const found = cookieDevice(c);
  const kiosk = found?.deviceKind === "kiosk" ? found : null;
  setDevice(c, kiosk);
  if (kiosk || c.var.user) return next();

  if (c.req.header("HX-Request")) {
    c.header("HX-Redirect", PAIR_PATH);
    return c.body(null, 200);
  }
  if ((c.req.header("Accept") ?? "").includes("application/json")) {
    const error = { code: "unpaired", message: "Pair this kiosk first" };
    return c.json({ error }, 401);
  }
  return c.redirect(PAIR_PATH, 303);
});

/** The device API's guard: a valid `Authorization: Bearer SECRET` only. */
export const requireBearerDevice = createMiddleware<AppEnv>(async (c, next) => {
  const secret = bearerSecret(c);
  // c.get: c.var copies every variable on each read
  const db = c.get("deps").db;
  const device = secret ? authenticateDevice(db, secret) : null;
  if (!device) {
    c.header("WWW-Authenticate", 'Bearer realm="shoppass"');
    const message = "Send a valid device secret as a bearer token";
    return c.json({ error: { code: "unauthorized", message } }, 401);
  }
  // the API answers devices only, even when a staff cookie comes along
  c.set("device", device);
  c.set("actor", device);
  await next();
});
