import { describe, expect, it } from "vitest";
import { flushDecisions } from "../../src/decisions/batch";
import { listDecisions } from "../../src/decisions/service";
import { decisions } from "../../src/db/schema";
import { checkAccess, scanAtMachine } from "../../src/sessions/service";
import { createTestApp } from "../support/app";
import { makeShop, makeStaff } from "./shop";

describe("the batched decision rows of API access checks", () => {
  it("are written together after the current turn of the event loop", async () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    const ask = { machineCode: "LATHE-02", scanned: shop.adaCard };

    checkAccess(t.db, t.config, staff, ask);
    checkAccess(t.db, t.config, staff, { ...ask, scanned: "unknown" });
    const before = t.db.select().from(decisions).all();
    await new Promise((resolve) => setImmediate(resolve));

    expect(before).toHaveLength(0);
    const rows = t.db.select().from(decisions).all();
    expect(rows.map((r) => [r.action, r.granted, r.credentialKind])).toEqual([
      ["check", true, "token"],
      ["check", false, "unknown"],
    ]);
  });

  it("are written before the log is read", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    checkAccess(t.db, t.config, makeStaff(t.db), {
      machineCode: "LATHE-02",
      scanned: shop.adaCard,
    });

    const log = listDecisions(t.db);

    expect(log.map((d) => d.action)).toEqual(["check"]);
  });

  it("do not make a kiosk scan right after count as a duplicate", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    const staff = makeStaff(t.db);
    const now = new Date(2026, 11, 3, 10);
    checkAccess(t.db, t.config, staff, {
      machineCode: "LATHE-02",
      scanned: shop.adaCard,
      now,
    });

    const scan = scanAtMachine(t.db, t.config, staff, {
      machineId: shop.lathe.id,
      scanned: shop.adaCard,
      now: new Date(now.getTime() + 1_000),
    });

    expect(scan.result).toBe("signed-in");
  });

  it("are written at once by an explicit flush, and only once", () => {
    const t = createTestApp();
    const shop = makeShop(t);
    checkAccess(t.db, t.config, makeStaff(t.db), {
      machineCode: "LATHE-02",
      scanned: shop.bobCard,
    });

    flushDecisions(t.db);
    flushDecisions(t.db);

    expect(t.db.select().from(decisions).all()).toHaveLength(1);
  });
});
