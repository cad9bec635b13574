import { describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/clearance/service";
import { testConfig } from "../../src/config";
import { openDb } from "../../src/db/client";
import { auditLog, machines } from "../../src/db/schema";
import { importCsv } from "../../src/imports/service";
import { makeBadge } from "../support/factories";

function setup() {
  const db = openDb(":memory:");
  makeBadge(db, { slug: "shop-safety" });
  makeBadge(db, { slug: "lathe-intermediate-skills", track: "lathe" });
  makeBadge(db, { slug: "lathe-advanced-skills", track: "lathe" });
  const run = (text: string, dryRun = false) =>
    importCsv(db, testConfig(), { kind: "cli" }, "machines", text, {
      dryRun,
    });
  return { db, run };
}

const GOOD = [
  "code,name,area,requires,status,capacity",
  'LATHE-02,South Bend Lathe,Machine Shop,"shop-safety & (lathe-intermediate-skills|lathe-advanced-skills)",,',
  "drill-01,Drill Press,Machine Shop,shop-safety,out-of-service,2",
  "PRINT-01,3D Printers,CAD Lab,,in-service,4",
].join("\n");

describe("importing machines", () => {
  test("a good file creates machines with requirement, status and capacity", () => {
    const t = setup();

    const result = t.run(GOOD);

    expect(result).toMatchObject({ ok: true, counts: { created: 3 } });
    const rows = t.db.select().from(machines).orderBy(machines.code).all();
    expect(rows.map((m) => [m.code, m.inService, m.capacity])).toEqual([
      ["DRILL-01", false, 2],
      ["LATHE-02", true, 1],
      ["PRINT-01", true, 4],
    ]);
    expect(rows[1]!.requirement).toBe(
      "shop-safety & (lathe-intermediate-skills | lathe-advanced-skills)",
    );
    expect(rows[0]!.outOfServiceReason).toMatch(/CSV import/);
    expect(rows[2]!.requirement).toBe("");
  });

  test("the clearance catalog sees imported machines at once", () => {
    const t = setup();
    expect(loadCatalog(t.db).machines).toEqual([]);

    t.run(GOOD);

    const codes = loadCatalog(t.db).machines.map((m) => m.code);
    expect(codes.sort()).toEqual(["DRILL-01", "LATHE-02", "PRINT-01"]);
  });

  test("re-importing, even with the requirement spaced differently, changes nothing", () => {
    const t = setup();
    t.run(GOOD);
    const respaced = GOOD.replace(
      "lathe-intermediate-skills|lathe-advanced-skills",
      "lathe-intermediate-skills   |   lathe-advanced-skills",
    );

    const result = t.run(respaced);

    expect(result).toMatchObject({
      counts: { created: 0, updated: 0, unchanged: 3 },
    });
    expect(t.db.select().from(auditLog).all()).toHaveLength(3);
  });

  test("putting a machine back in service clears its reason", () => {
    const t = setup();
    t.run(GOOD);

    const result = t.run(GOOD.replace("out-of-service", "in-service"));

    expect(result).toMatchObject({ counts: { updated: 1, unchanged: 2 } });
    const drill = t.db
      .select()
      .from(machines)
      .all()
      .find((m) => m.code === "DRILL-01");
    expect(drill).toMatchObject({ inService: true, outOfServiceReason: null });
  });

  test("an empty status or capacity keeps what the machine has", () => {
    const t = setup();
    t.run(GOOD);

    const result = t.run(
      "code,name,area,requires\nDRILL-01,Drill Press,Machine Shop,shop-safety",
    );

    expect(result).toMatchObject({ counts: { unchanged: 1 } });
  });

  test("unknown badges and syntax errors in requires are listed per line", () => {
    const t = setup();
    const text = [
      "code,name,area,requires",
      "MILL-01,Mill,Machine Shop,shop-safety & mill-basics",
      "MILL-02,Mill,Machine Shop,shop-safety & (",
      "MILL-03,Mill,Machine Shop,shop-safety",
      "mill-03,Mill,Machine Shop,",
      "MILL 4,Mill,,shop-safety",
    ].join("\n");

    const result = t.run(text);

    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => `${e.line}: ${e.column}`)).toEqual([
      "2: requires",
      "3: requires",
      "5: code",
      "6: code",
      "6: area",
    ]);
    expect(errors[0]!.message).toBe('unknown badge "mill-basics"');
    expect(errors[1]!.message).toMatch(/position/);
    expect(t.db.select().from(machines).all()).toEqual([]);
  });

  test("a dry run reports the counts and writes nothing", () => {
    const t = setup();

    const result = t.run(GOOD, true);

    expect(result).toMatchObject({ dryRun: true, counts: { created: 3 } });
    expect(t.db.select().from(machines).all()).toEqual([]);
  });
});
