import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { replaceCredential } from "../../src/credentials/service";
import { auditLog, decisions, machineSessions } from "../../src/db/schema";
import { authenticateDevice } from "../../src/devices/service";
import { ForbiddenError } from "../../src/lib/errors";
import { scanAtMachine } from "../../src/sessions/service";
import { createTestApp } from "../support/app";
import { makeClearedStudent, makeDevice, makeShop, makeStaff } from "./shop";

const at = (s: number) => new Date(2026, 11, 3, 10, 0, s);

describe("scanning a card at a machine", () => {
  it("signs a cleared student in and logs the decision without the token", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const device = makeDevice(t.db, { area: "Machine Shop" });
    const kiosk = authenticateDevice(t.db, device.secret)!;

    const out = scanAtMachine(t.db, t.config, kiosk, {
      machineId: shop.lathe.id,
      scanned: `http://shop.test/s/${shop.adaCard}`,
      now: at(0),
    });

    expect(out.result).toBe("signed-in");
    expect(out.student).toEqual({
      id: shop.ada.id,
      number: shop.ada.number,
      firstName: "Ada",
      lastName: "Lovelace",
    });
    expect(out.machine).toEqual({
      id: shop.lathe.id,
      code: "LATHE-02",
      name: "Lathe 2",
      area: "Machine Shop",
    });
    expect(out.session).toEqual({
      id: expect.any(String),
      startedAt: at(0),
      endedAt: null,
    });
    expect(out.clearance?.cleared).toBe(true);
    const session = t.db.select().from(machineSessions).get()!;
    expect(session).toMatchObject({ deviceId: device.id, endedAt: null });
    const decision = t.db.select().from(decisions).get()!;
    expect(decision).toMatchObject({
      action: "sign-in",
      granted: true,
      deviceId: device.id,
      machineId: shop.lathe.id,
      studentId: shop.ada.id,
      reasonCodes: [],
      credentialKind: "token",
      credentialHash: null,
    });
    const audit = t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "session.start"))
      .all();
    expect(audit).toHaveLength(1);
    const logged = JSON.stringify([decision, session, audit]);
    expect(logged).not.toContain(shop.adaCard);
  });

  it("signs the student out on the next scan at the same machine", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    const scan = { machineId: shop.lathe.id, scanned: shop.adaCard };
    scanAtMachine(t.db, t.config, staff, { ...scan, now: at(0) });

    const out = scanAtMachine(t.db, t.config, staff, { ...scan, now: at(10) });

    expect(out.result).toBe("signed-out");
    expect(out.session?.endedAt).toEqual(at(10));
    const session = t.db.select().from(machineSessions).get()!;
    expect(session).toMatchObject({ endedAt: at(10), endKind: "scan" });
    const actions = t.db
      .select()
      .from(decisions)
      .all()
      .map((d) => d.action);
    expect(actions).toEqual(["sign-in", "sign-out"]);
  });

  it("does nothing for the same scan again within three seconds", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    const scan = { machineId: shop.lathe.id, scanned: shop.adaCard };
    scanAtMachine(t.db, t.config, staff, { ...scan, now: at(0) });

    const again = scanAtMachine(t.db, t.config, staff, {
      ...scan,
      now: new Date(at(0).getTime() + 2_900),
    });

    expect(again.result).toBe("duplicate");
    expect(t.db.select().from(decisions).all()).toHaveLength(1);
    expect(t.db.select().from(machineSessions).get()?.endedAt).toBeNull();
  });

  it("ignores a repeated unknown card within three seconds too", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    const scan = { machineId: shop.lathe.id, scanned: "garbage" };
    scanAtMachine(t.db, t.config, staff, { ...scan, now: at(0) });

    const again = scanAtMachine(t.db, t.config, staff, { ...scan, now: at(1) });

    expect(again.result).toBe("duplicate");
    expect(t.db.select().from(decisions).all()).toHaveLength(1);
  });

  it("denies a student who is not cleared, with the reasons", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);

    const out = scanAtMachine(t.db, t.config, staff, {
      machineId: shop.lathe.id,
      scanned: shop.bobCard,
      now: at(0),
    });

    expect(out.result).toBe("denied");
    expect(out.reasons.map((r) => r.code)).toEqual(["missing"]);
    expect(out.reasons[0]?.message).toContain("Shop Safety");
    expect(t.db.select().from(machineSessions).all()).toHaveLength(0);
    expect(t.db.select().from(decisions).get()).toMatchObject({
      action: "sign-in",
      granted: false,
      userId: staff.id,
      reasonCodes: ["missing"],
    });
  });

  it("denies an unknown card and logs only a short hash", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    const forged = "A".repeat(43);

    const out = scanAtMachine(t.db, t.config, staff, {
      machineId: shop.lathe.id,
      scanned: forged,
      now: at(0),
    });

    expect(out.result).toBe("denied");
    expect(out.student).toBeNull();
    expect(out.reasons).toEqual([
      { code: "unknown-credential", message: "This card is not known here" },
    ]);
    const decision = t.db.select().from(decisions).get()!;
    expect(decision.credentialKind).toBe("unknown");
    expect(decision.credentialHash).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(decision)).not.toContain(forged);
  });

  it("says a replaced card was replaced and logs whose it was", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    replaceCredential(t.db, t.config, { kind: "cli" }, shop.ada.id);

    const out = scanAtMachine(t.db, t.config, staff, {
      machineId: shop.lathe.id,
      scanned: shop.adaCard,
      now: at(0),
    });

    expect(out.result).toBe("denied");
    expect(out.student).toBeNull();
    expect(out.reasons).toEqual([
      { code: "replaced-credential", message: "This card was replaced" },
    ]);
    const decision = t.db.select().from(decisions).get()!;
    expect(decision).toMatchObject({
      credentialKind: "replaced",
      studentId: shop.ada.id,
      reasonCodes: ["replaced-credential"],
    });
    expect(JSON.stringify(decision)).not.toContain(shop.adaCard);
  });

  it("refuses a bare student number unless the setting allows it", () => {
    const off = createTestApp();
    const on = createTestApp({ allowStudentNumberScan: true });
    const shopOff = makeShop(off);
    const shopOn = makeShop(on);

    const refused = scanAtMachine(off.db, off.config, makeStaff(off.db), {
      machineId: shopOff.lathe.id,
      scanned: shopOff.ada.number,
      now: at(0),
    });
    const accepted = scanAtMachine(on.db, on.config, makeStaff(on.db), {
      machineId: shopOn.lathe.id,
      scanned: shopOn.ada.number,
      now: at(0),
    });

    expect(refused.reasons[0]?.code).toBe("unknown-credential");
    expect(accepted.result).toBe("signed-in");
    expect(accepted.credentialKind).toBe("student-number");
    expect(on.db.select().from(decisions).get()?.credentialKind).toBe(
      "student-number",
    );
  });

  it("denies a cleared student when the machine is full", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    const { db, config } = t;
    scanAtMachine(db, config, staff, {
      machineId: shop.lathe.id,
      scanned: shop.adaCard,
      now: at(0),
    });
    const other = makeClearedStudent(t, shop.safety.id);

    const out = scanAtMachine(db, config, staff, {
      machineId: shop.lathe.id,
      scanned: other.card,
      now: at(5),
    });

    expect(out.result).toBe("denied");
    expect(out.reasons).toEqual([
      { code: "occupied", message: "Lathe 2 is in use by someone else" },
    ]);
    expect(db.select().from(decisions).all().at(-1)).toMatchObject({
      granted: false,
      reasonCodes: ["occupied"],
    });
  });

  it("refuses a kiosk pinned to another machine", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const device = makeDevice(t.db, { machineCode: "MILL-01" });
    const kiosk = authenticateDevice(t.db, device.secret)!;

    const scan = () =>
      scanAtMachine(t.db, t.config, kiosk, {
        machineId: shop.lathe.id,
        scanned: shop.adaCard,
      });

    expect(scan).toThrow(ForbiddenError);
  });

  it("refuses a kiosk of another area", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const device = makeDevice(t.db, { area: "Welding Bay" });
    const kiosk = authenticateDevice(t.db, device.secret)!;

    const scan = () =>
      scanAtMachine(t.db, t.config, kiosk, {
        machineId: shop.lathe.id,
        scanned: shop.adaCard,
      });

    expect(scan).toThrow(ForbiddenError);
  });
});
