import type { Db } from "../db/client";
import type { DEVICE_KINDS } from "../db/schema";
import { hasRole, type Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { ForbiddenError, InvalidError, NotFoundError } from "../lib/errors";
import { randomToken, sha256 } from "../lib/tokens";
import * as q from "./queries";

export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A paired kiosk or an interlock, acting through its secret. */
export type DeviceActor = Extract<Actor, { kind: "device" }> & {
  name: string;
  deviceKind: DeviceKind;
};

export type DeviceInput = {
  name: string;
  kind: DeviceKind;
  area?: string;
  machineCode?: string;
};

function requireAdminActor(actor: Actor) {
  if (!hasRole(actor, "admin")) {
    throw new ForbiddenError("Only an admin may manage devices");
  }
}

/** Registers a kiosk or interlock; the secret is returned only this once. */
export function registerDevice(
  db: Db,
  actor: Actor,
  input: DeviceInput,
): { id: number; secret: string } {
  requireAdminActor(actor);
  const machine = input.machineCode
    ? q.findMachineByCode(db, input.machineCode)
    : null;
  if (input.machineCode && !machine) {
    throw new InvalidError("Check the machine", {
      machineCode: `There is no machine ${input.machineCode}`,
    });
  }
  if (machine && input.area && input.area !== machine.area) {
    throw new InvalidError("Check the area", {
      area: `${machine.code} is in ${machine.area}`,
    });
  }

  const secret = randomToken();
  const row = {
    name: input.name,
    kind: input.kind,
    area: machine?.area ?? input.area ?? null,
    machineId: machine?.id ?? null,
  };
  const { id } = db.transaction((tx) => {
    const created = q.insertDevice(tx, { ...row, secretHash: sha256(secret) });
    writeAudit(tx, actor, {
      action: "device.register",
      entityType: "device",
      entityId: created.id,
      after: row,
    });
    return created;
  });
  return { id, secret };
}

/** Revokes a device: its secret stops working at once. */
export function revokeDevice(db: Db, actor: Actor, id: number): void {
  requireAdminActor(actor);

  db.transaction((tx) => {
    const device = q.findDevice(tx, id);
    if (!device) throw new NotFoundError("There is no such device");
    if (device.revokedAt) return;
    q.markRevoked(tx, id, new Date());
    writeAudit(tx, actor, {
      action: "device.revoke",
      entityType: "device",
      entityId: id,
    });
  });
}

/** The device behind a secret, or null when unknown or revoked. */
export function authenticateDevice(db: Db, secret: string): DeviceActor | null {
  if (!secret) return null;
  const row = q.findDeviceBySecretHash(db, sha256(secret));
  if (!row || row.revokedAt) return null;
  return {
    kind: "device",
    id: row.id,
    machineId: row.machineId,
    area: row.area,
    name: row.name,
    deviceKind: row.kind,
  };
}

/** Checks a secret typed or opened at a kiosk browser: kiosks only. */
export function pairKiosk(db: Db, secret: string): DeviceActor | null {
  const device = authenticateDevice(db, secret.trim());
  return device?.deviceKind === "kiosk" ? device : null;
}

/** Every device, newest state, for the admin page. */
export function listDevices(db: Db, actor: Actor) {
  requireAdminActor(actor);
  return q.listDevices(db);
}

export function listMachineChoices(db: Db) {
  return q.listMachineChoices(db);
}
