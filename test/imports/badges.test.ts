import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { testConfig } from "../../src/config";
import { openDb } from "../../src/db/client";
import { auditLog, badges } from "../../src/db/schema";
import { importCsv } from "../../src/imports/service";

const cli = { kind: "cli" } as const;

function setup() {
  const db = openDb(":memory:");
  const config = testConfig();
  const run = (text: string, dryRun = false) =>
    importCsv(db, config, cli, "badges", text, { dryRun });
  return { db, run };
}

const HEADER =
  "slug,name,track,type,level,validity,lapse_unused_months,description,criteria_url";
const GOOD = [
  HEADER,
  "shop-safety,Shop Safety,shop-safety,knowledge,introductory,annual 08-31,,Rules of the shop,https://moodle.example.edu/course/view.php?id=101",
  'lathe-intermediate-skills,Lathe Intermediate Skills,lathe,skills,intermediate,24 months,6,"Threading, boring",',
].join("\n");

describe("importing badges", () => {
  test("a good file creates every badge with its validity rule", () => {
    const t = setup();

    const result = t.run(GOOD);

    expect(result).toEqual({
      ok: true,
      dryRun: false,
      counts: { created: 2, updated: 0, unchanged: 0 },
    });
    const rows = t.db.select().from(badges).orderBy(badges.slug).all();
    expect(rows[0]).toMatchObject({
      slug: "lathe-intermediate-skills",
      type: "skills",
      level: "intermediate",
      validityKind: "months",
      validityMonths: 24,
      lapseUnusedMonths: 6,
      description: "Threading, boring",
      criteriaUrl: null,
    });
    expect(rows[1]).toMatchObject({
      slug: "shop-safety",
      validityKind: "annual",
      validityAnnual: "08-31",
      criteriaUrl: "https://moodle.example.edu/course/view.php?id=101",
    });
  });

  test("each created badge gets an audit row by the CLI", () => {
    const t = setup();

    t.run(GOOD);

    const audit = t.db.select().from(auditLog).all();
    expect(audit.map((a) => [a.action, a.actorKind])).toEqual([
      ["badge.create", "cli"],
      ["badge.create", "cli"],
    ]);
  });

  test("importing the same file again changes nothing", () => {
    const t = setup();
    t.run(GOOD);
    const auditBefore = t.db.select().from(auditLog).all().length;

    const result = t.run(GOOD);

    expect(result).toMatchObject({
      ok: true,
      counts: { created: 0, updated: 0, unchanged: 2 },
    });
    expect(t.db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  test("a changed row updates its badge and audits before and after", () => {
    const t = setup();
    t.run(GOOD);

    const result = t.run(GOOD.replace("Rules of the shop", "New rules"));

    expect(result).toMatchObject({
      counts: { created: 0, updated: 1, unchanged: 1 },
    });
    const badge = t.db
      .select()
      .from(badges)
      .where(eq(badges.slug, "shop-safety"))
      .get();
    expect(badge?.description).toBe("New rules");
    const audit = t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "badge.update"))
      .get();
    expect(audit?.before).toEqual({ description: "Rules of the shop" });
    expect(audit?.after).toEqual({ description: "New rules" });
  });

  test("columns may come in any order, and absent optional ones keep values", () => {
    const t = setup();
    t.run(GOOD);
    const reordered = [
      "validity,level,type,track,name,slug",
      "24 months,intermediate,skills,lathe,Lathe Intermediate Skills,lathe-intermediate-skills",
    ].join("\n");

    const result = t.run(reordered);

    expect(result).toMatchObject({ counts: { unchanged: 1 } });
  });

  test("every bad row is reported with its line and nothing is written", () => {
    const t = setup();
    const text = [
      HEADER,
      "shop-safety,Shop Safety,shop-safety,knowledge,introductory,never,,,",
      "Bad Slug,Bad,lathe,skills,expert,sometimes,0,,ftp://x",
      "shop-safety,Again,shop-safety,knowledge,introductory,never,,,",
    ].join("\n");

    const result = t.run(text);

    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => `${e.line}: ${e.column}`)).toEqual([
      "3: slug",
      "3: level",
      "3: validity",
      "3: lapse_unused_months",
      "3: criteria_url",
      "4: slug",
    ]);
    expect(errors[5]!.message).toBe("repeats line 2");
    expect(t.db.select().from(badges).all()).toEqual([]);
    expect(t.db.select().from(auditLog).all()).toEqual([]);
  });

  test("a dry run counts the changes without writing them", () => {
    const t = setup();

    const result = t.run(GOOD, true);

    expect(result).toEqual({
      ok: true,
      dryRun: true,
      counts: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(t.db.select().from(badges).all()).toEqual([]);
  });
});
