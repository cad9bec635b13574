import { describe, expect, it } from "vitest";
import { areaSettings, decisions, machineSessions } from "../../src/db/schema";
import { authenticateDevice } from "../../src/devices/service";
import { ForbiddenError, InvalidError } from "../../src/lib/errors";
import {
  checkStudentAtArea,
  closeSessionsAtClosingTime,
  endSession,
  listOccupancy,
  overrideSignIn,
  scanAtMachine,
  signInStudent,
} from "../../src/sessions/service";
import { createTestApp } from "../support/app";
import { makeDevice, makeShop, makeStaff } from "./shop";

const at = (h: number, m = 0) => new Date(2026, 11, 3, h, m);

describe("a shared kiosk's area check and tap", () => {
  it("shows the student's clearance for each machine of the area", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const device = makeDevice(t.db, { area: "Machine Shop" });
    const kiosk = authenticateDevice(t.db, device.secret)!;

    const check = checkStudentAtArea(t.db, t.config, kiosk, {
      area: "Machine Shop",
      scanned: shop.adaCard,
      now: at(10),
    });

    expect(check.student?.id).toBe(shop.ada.id);
    expect(
      check.machines.map((m) => [m.machine.code, m.clearance.cleared]),
    ).toEqual([
      ["LATHE-02", true],
      ["MILL-01", true],
    ]);
    expect(t.db.select().from(machineSessions).all()).toHaveLength(0);
    expect(t.db.select().from(decisions).get()).toMatchObject({
      action: "check",
      granted: true,
      machineId: null,
      deviceId: device.id,
    });
  });

  it("answers an unknown card with its reason and no machines", () => {
    const t = createTestApp();
    makeShop(t);
    const staff = makeStaff(t.db);

    const check = checkStudentAtArea(t.db, t.config, staff, {
      area: "Machine Shop",
      scanned: "nobody",
    });

    expect(check.student).toBeNull();
    expect(check.reasons[0]?.code).toBe("unknown-credential");
    expect(check.machines).toEqual([]);
  });

  it("signs in with a tap after the scan, re-checking clearance", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const device = makeDevice(t.db, { area: "Machine Shop" });
    const kiosk = authenticateDevice(t.db, device.secret)!;
    const area = { area: "Machine Shop", now: at(10) };
    checkStudentAtArea(t.db, t.config, kiosk, {
      ...area,
      scanned: shop.adaCard,
    });
    checkStudentAtArea(t.db, t.config, kiosk, {
      ...area,
      scanned: shop.bobCard,
    });

    const ada = signInStudent(t.db, t.config, kiosk, {
      machineId: shop.mill.id,
      studentId: shop.ada.id,
      now: at(10, 1),
    });
    const bob = signInStudent(t.db, t.config, kiosk, {
      machineId: shop.mill.id,
      studentId: shop.bob.id,
      now: at(10, 1),
    });

    expect(ada.result).toBe("signed-in");
    expect(bob.result).toBe("denied");
    expect(bob.reasons[0]?.code).toBe("missing");
  });

  it("refuses a device's tap for a student it has not just scanned", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const device = makeDevice(t.db, { area: "Machine Shop" });
    const kiosk = authenticateDevice(t.db, device.secret)!;

    const tap = () =>
      signInStudent(t.db, t.config, kiosk, {
        machineId: shop.mill.id,
        studentId: shop.ada.id,
      });

    expect(tap).toThrow(ForbiddenError);
  });
});

describe("overriding a denial", () => {
  it("lets a supervisor sign in a denied student, recorded as an override", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const supervisor = makeStaff(t.db, "supervisor");

    const out = overrideSignIn(t.db, supervisor, {
      machineId: shop.lathe.id,
      studentId: shop.bob.id,
      reason: "Assessed in person today",
      now: at(11),
    });

    expect(out.result).toBe("signed-in");
    expect(t.db.select().from(machineSessions).get()).toMatchObject({
      studentId: shop.bob.id,
      overrideBy: supervisor.id,
      overrideReason: "Assessed in person today",
    });
    expect(t.db.select().from(decisions).get()).toMatchObject({
      action: "override",
      granted: true,
      userId: supervisor.id,
      reasonCodes: ["missing"],
    });
  });

  it("refuses an override from plain staff or without a reason", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const input = { machineId: shop.lathe.id, studentId: shop.bob.id };

    const byStaff = () =>
      overrideSignIn(t.db, makeStaff(t.db), { ...input, reason: "x" });
    const blank = () =>
      overrideSignIn(t.db, makeStaff(t.db, "supervisor"), {
        ...input,
        reason: "  ",
      });

    expect(byStaff).toThrow(ForbiddenError);
    expect(blank).toThrow(InvalidError);
  });

  it("still keeps a full machine at its capacity", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const supervisor = makeStaff(t.db, "supervisor");
    scanAtMachine(t.db, t.config, supervisor, {
      machineId: shop.lathe.id,
      scanned: shop.adaCard,
    });

    const out = overrideSignIn(t.db, supervisor, {
      machineId: shop.lathe.id,
      studentId: shop.bob.id,
      reason: "Needs it",
    });

    expect(out.result).toBe("denied");
    expect(out.reasons[0]?.code).toBe("occupied");
  });
});

describe("ending sessions and the occupancy board", () => {
  it("ends a session once; ending it again returns it unchanged", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    const { session } = scanAtMachine(t.db, t.config, staff, {
      machineId: shop.lathe.id,
      scanned: shop.adaCard,
      now: at(9),
    });

    const first = endSession(t.db, staff, session!.id, at(10));
    const second = endSession(t.db, staff, session!.id, at(12));

    expect(first).toMatchObject({ endedAt: at(10), endKind: "staff" });
    expect(second).toMatchObject({ endedAt: at(10), endKind: "staff" });
    expect(second.machineCode).toBe("LATHE-02");
    expect(second.studentNumber).toBe(shop.ada.number);
  });

  it("lists each machine with who is on it and since when", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    scanAtMachine(t.db, t.config, staff, {
      machineId: shop.mill.id,
      scanned: shop.adaCard,
      now: at(9),
    });

    const board = listOccupancy(t.db, { area: "Machine Shop" }, at(9, 30));

    expect(board.map((m) => m.machine.code)).toEqual(["LATHE-02", "MILL-01"]);
    expect(board[0]?.sessions).toEqual([]);
    expect(board[1]?.sessions).toEqual([
      {
        id: expect.any(String),
        startedAt: at(9),
        student: {
          id: shop.ada.id,
          number: shop.ada.number,
          firstName: "Ada",
          lastName: "Lovelace",
        },
      },
    ]);
  });

  it("ends open sessions automatically at the area's closing time", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    t.db
      .insert(areaSettings)
      .values({ area: "Machine Shop", closingTime: "18:00" })
      .run();
    const early = scanAtMachine(t.db, t.config, staff, {
      machineId: shop.lathe.id,
      scanned: shop.adaCard,
      now: at(10),
    });

    const before = closeSessionsAtClosingTime(t.db, at(17, 59));
    const closed = closeSessionsAtClosingTime(t.db, at(18, 1));

    expect(before).toBe(0);
    expect(closed).toBe(1);
    const ended = endSession(t.db, staff, early.session!.id);
    expect(ended).toMatchObject({ endedAt: at(18), endKind: "auto" });
  });

  it("leaves a session started after closing open until the next closing", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    t.db
      .insert(areaSettings)
      .values({ area: "Machine Shop", closingTime: "18:00" })
      .run();
    scanAtMachine(t.db, t.config, staff, {
      machineId: shop.lathe.id,
      scanned: shop.adaCard,
      now: at(18, 30),
    });

    const board = listOccupancy(t.db, { machineId: shop.lathe.id }, at(19));

    expect(board[0]?.sessions).toHaveLength(1);
    const nextDay = new Date(2026, 11, 4, 18, 0, 1);
    expect(closeSessionsAtClosingTime(t.db, nextDay)).toBe(1);
  });
});
