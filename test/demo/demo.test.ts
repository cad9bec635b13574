import { and, eq, gte, isNotNull, isNull, lt, lte } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { verifyPassword } from "../../src/auth/password";
import { testConfig } from "../../src/config";
import { openDb } from "../../src/db/client";
import {
  auditLog,
  awards,
  badges,
  holds,
  machines,
  users,
} from "../../src/db/schema";
import { demoAwards, demoStudentRows } from "../../src/demo/people";
import { DEMO_ADMIN, loadDemo } from "../../src/demo/service";
import { addDays, today } from "../../src/lib/dates";
import { runCommand } from "../cli/run";

const count = (rows: unknown[]) => rows.length;

// Each test loads the whole demo shop (300 students), which takes a while.
describe("the demo shop", { timeout: 60_000 }, () => {
  test("loads badges, machines in three areas, 300 students and awards", async () => {
    const db = openDb(":memory:");

    const demo = await loadDemo(db, testConfig());

    expect(demo.imports.badges.created).toBeGreaterThanOrEqual(15);
    expect(demo.imports.machines.created).toBe(15);
    expect(demo.imports.students.created).toBe(300);
    const areas = new Set(
      db
        .select()
        .from(machines)
        .all()
        .map((m) => m.area),
    );
    expect([...areas].sort()).toEqual([
      "CAD Lab",
      "Machine Shop",
      "Welding Bay",
    ]);
    const tracks = new Set(
      db
        .select()
        .from(badges)
        .all()
        .map((b) => b.track),
    );
    expect([...tracks].sort()).toEqual([
      "lathe",
      "mastercam",
      "mill",
      "shop-safety",
      "welding-mig",
      "welding-tig",
    ]);
    expect(count(db.select().from(awards).all())).toBe(
      demo.imports.awards.created,
    );
  });

  test("has current, expired, revoked and soon-expiring awards, and holds", async () => {
    const db = openDb(":memory:");
    const now = today();

    await loadDemo(db, testConfig());

    const expired = db.select().from(awards).where(lt(awards.expiresOn, now));
    const soon = db
      .select()
      .from(awards)
      .where(
        and(
          gte(awards.expiresOn, now),
          lte(awards.expiresOn, addDays(now, 30)),
          isNull(awards.revokedAt),
        ),
      );
    const revoked = db.select().from(awards).where(isNotNull(awards.revokedAt));
    const current = db
      .select()
      .from(awards)
      .where(and(isNull(awards.expiresOn), isNull(awards.revokedAt)));
    expect(count(expired.all())).toBeGreaterThan(10);
    expect(count(soon.all())).toBeGreaterThan(10);
    expect(count(revoked.all())).toBeGreaterThan(3);
    expect(count(current.all())).toBeGreaterThan(10);
    const holdRows = db.select().from(holds).all();
    expect(holdRows.map((h) => h.scope).sort()).toEqual([
      "all",
      "all",
      "machine",
      "track",
    ]);
  });

  test("running it twice changes nothing the second time", async () => {
    const db = openDb(":memory:");
    const config = testConfig();
    await loadDemo(db, config);
    const auditRows = count(db.select().from(auditLog).all());
    const awardRows = count(db.select().from(awards).all());

    const second = await loadDemo(db, config);

    expect(second.admin.created).toBe(false);
    for (const counts of Object.values(second.imports)) {
      expect(counts.created + counts.updated).toBe(0);
    }
    expect(second.revoked).toBe(0);
    expect(second.holds).toBe(0);
    expect(count(db.select().from(auditLog).all())).toBe(auditRows);
    expect(count(db.select().from(awards).all())).toBe(awardRows);
  });

  test("the generated students and awards are the same on every run", () => {
    const first = [demoStudentRows(), demoAwards("2026-12-03", "a@b.test")];

    const second = [demoStudentRows(), demoAwards("2026-12-03", "a@b.test")];

    expect(second).toEqual(first);
  });

  test("the demo command prints the admin's email and a working password", async () => {
    const db = openDb(":memory:");

    const result = await runCommand(db, ["demo"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`email     ${DEMO_ADMIN.email}`);
    expect(result.stdout).toContain(`password  ${DEMO_ADMIN.password}`);
    const admin = db
      .select()
      .from(users)
      .where(eq(users.email, DEMO_ADMIN.email))
      .get()!;
    expect(admin.role).toBe("admin");
    expect(await verifyPassword(DEMO_ADMIN.password, admin.passwordHash)).toBe(
      true,
    );
  });
});
