import { describe, expect, it } from "vitest";
import { devices, auditLog } from "../../src/db/schema";
import {
  authenticateDevice,
  pairKiosk,
  registerDevice,
  revokeDevice,
} from "../../src/devices/service";
import { ForbiddenError, InvalidError } from "../../src/lib/errors";
import { sha256 } from "../../src/lib/tokens";
import { createTestApp } from "../support/app";
import { makeMachine } from "../support/factories";

const admin = { kind: "user", id: 1, role: "admin", name: "A" } as const;
const cli = { kind: "cli" } as const;

describe("device service", () => {
  it("registers a device storing only the hash of its secret", () => {
    const { db } = createTestApp();

    const { id, secret } = registerDevice(db, cli, {
      name: "Front desk",
      kind: "kiosk",
      area: "Machine Shop",
    });

    const row = db.select().from(devices).get()!;
    expect(row.id).toBe(id);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.secretHash).toBe(sha256(secret));
    expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain(
      secret,
    );
  });

  it("pins a device to a machine and takes the machine's area", () => {
    const { db } = createTestApp();
    const machine = makeMachine(db, { code: "LATHE-02", area: "Lathes" });

    const { secret } = registerDevice(db, cli, {
      name: "Lathe 2 interlock",
      kind: "interlock",
      machineCode: "LATHE-02",
    });

    expect(authenticateDevice(db, secret)).toEqual({
      kind: "device",
      id: expect.any(Number),
      machineId: machine.id,
      area: "Lathes",
      name: "Lathe 2 interlock",
      deviceKind: "interlock",
    });
  });

  it("refuses an unknown machine code with a message for the field", () => {
    const { db } = createTestApp();

    const register = () =>
      registerDevice(db, cli, {
        name: "X",
        kind: "interlock",
        machineCode: "NOPE-1",
      });

    expect(register).toThrow(InvalidError);
    try {
      register();
    } catch (error) {
      expect((error as InvalidError).fields.machineCode).toBe(
        "There is no machine NOPE-1",
      );
    }
  });

  it("lets only an admin register a device", () => {
    const { db } = createTestApp();
    const staff = { ...admin, role: "staff" } as const;

    const register = () =>
      registerDevice(db, staff, { name: "X", kind: "kiosk" });

    expect(register).toThrow(ForbiddenError);
  });

  it("stops a revoked device's secret at once", () => {
    const { db } = createTestApp();
    const { id, secret } = registerDevice(db, cli, {
      name: "K",
      kind: "kiosk",
    });

    revokeDevice(db, cli, id);

    expect(authenticateDevice(db, secret)).toBeNull();
    expect(pairKiosk(db, secret)).toBeNull();
  });

  it("pairs kiosks only, not interlocks", () => {
    const { db } = createTestApp();
    const kiosk = registerDevice(db, cli, { name: "K", kind: "kiosk" });
    const lock = registerDevice(db, cli, { name: "L", kind: "interlock" });

    expect(pairKiosk(db, ` ${kiosk.secret} `)?.id).toBe(kiosk.id);
    expect(pairKiosk(db, lock.secret)).toBeNull();
    expect(pairKiosk(db, "not-a-secret")).toBeNull();
  });
});
