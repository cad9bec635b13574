import { describe, expect, it } from "vitest";
import {
  clearStudent,
  clearStudentForMachine,
  invalidateCatalog,
  loadCatalog,
  loadClearanceInput,
} from "../../src/clearance/service";
import { machineSessions, machines } from "../../src/db/schema";
import { NotFoundError } from "../../src/lib/errors";
import { openDb, type Db } from "../../src/db/client";
import {
  makeAward,
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";
import { countStatements } from "./count-statements";
import { eq } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The rules need no app: a fresh in-memory database with migrations.
function createTestDb(): { db: Db } {
  return { db: openDb(":memory:") };
}

function lathe(db: Db) {
  const safety = makeBadge(db, { slug: "shop-safety", name: "Shop Safety" });
  const intermediate = makeBadge(db, {
    slug: "lathe-intermediate-skills",
    name: "Lathe Intermediate Skills",
    track: "lathe",
    type: "skills",
    level: "intermediate",
  });
  const machine = makeMachine(db, {
    code: "LATHE-02",
    name: "Lathe 2",
    requirement: "shop-safety & lathe-intermediate-skills",
  });
  return { safety, intermediate, machine };
}

describe("clearance service", () => {
  it("loads a student's awards, holds and last uses from the database", () => {
    const { db } = createTestDb();
    const { safety, machine } = lathe(db);
    const student = makeStudent(db);
    const award = makeAward(db, {
      studentId: student.id,
      badgeId: safety.id,
      issuedOn: "2026-01-10",
      expiresOn: "2027-01-10",
      revokedAt: new Date(2026, 4, 2, 15, 0),
      revokeReason: "Unsafe practice",
    });
    const hold = makeHold(db, {
      studentId: student.id,
      scope: "machine",
      machineId: machine.id,
      endsOn: "2026-12-31",
    });
    db.insert(machineSessions)
      .values([
        {
          id: "s1",
          machineId: machine.id,
          studentId: student.id,
          startedAt: new Date(2026, 2, 3, 10, 0),
        },
        {
          id: "s2",
          machineId: machine.id,
          studentId: student.id,
          startedAt: new Date(2026, 5, 7, 23, 30),
        },
        {
          id: "s3",
          machineId: machine.id,
          studentId: student.id,
          startedAt: new Date(2026, 8, 1, 9, 0),
        },
      ])
      .run();

    const input = loadClearanceInput(db, student.id, "2026-08-01");

    expect(input.at).toBe("2026-08-01");
    expect(input.student).toEqual({ id: student.id, status: "active" });
    expect(input.awards).toEqual([
      {
        id: award.id,
        badgeId: safety.id,
        issuedOn: "2026-01-10",
        expiresOn: "2027-01-10",
        revokedAt: new Date(2026, 4, 2, 15, 0),
        revokeReason: "Unsafe practice",
      },
    ]);
    expect(input.holds).toEqual([
      expect.objectContaining({
        id: hold.id,
        scope: "machine",
        machineId: machine.id,
        endsOn: "2026-12-31",
        liftedAt: null,
      }),
    ]);
    // the session on 2026-09-01 is after `at` and does not count
    expect([...input.lastUseByMachine]).toEqual([[machine.id, "2026-06-07"]]);
    expect(input.machines.map((m) => m.code)).toEqual(["LATHE-02"]);
  });

  it("throws NotFoundError for an unknown student", () => {
    const { db } = createTestDb();

    expect(() => loadClearanceInput(db, 999)).toThrow(NotFoundError);
  });

  it("clears a student against every machine", () => {
    const { db } = createTestDb();
    const { safety, intermediate, machine } = lathe(db);
    const open = makeMachine(db, { code: "BENCH-01", name: "Bench" });
    const student = makeStudent(db);
    makeAward(db, { studentId: student.id, badgeId: safety.id });
    const award = makeAward(db, {
      studentId: student.id,
      badgeId: intermediate.id,
      issuedOn: "2025-09-01",
      expiresOn: "2026-08-31",
    });

    const before = clearStudent(db, student.id, "2026-08-31");
    const after = clearStudent(db, student.id, "2026-09-01");

    const lathe02 = before.clearances.find((c) => c.machineId === machine.id);
    expect(lathe02).toMatchObject({
      cleared: true,
      earliestExpiry: "2026-08-31",
    });
    expect(lathe02?.satisfiedBy).toContainEqual({
      slug: "lathe-intermediate-skills",
      awardId: award.id,
      badgeId: intermediate.id,
    });
    expect(after.clearances.find((c) => c.machineId === open.id)).toMatchObject(
      { cleared: true },
    );
    expect(
      clearStudentForMachine(db, student.id, machine.id, "2026-09-01").reasons,
    ).toEqual([
      {
        code: "expired",
        badge: "lathe-intermediate-skills",
        required: "lathe-intermediate-skills",
        date: "2026-08-31",
        message: "Lathe Intermediate Skills expired on 2026-08-31",
      },
    ]);
  });

  it("throws NotFoundError for an unknown machine", () => {
    const { db } = createTestDb();
    const student = makeStudent(db);

    expect(() => clearStudentForMachine(db, student.id, 999)).toThrow(
      NotFoundError,
    );
  });

  it("uses at most two SQL statements per student once the catalog is cached", () => {
    const { db } = createTestDb();
    const { safety, intermediate } = lathe(db);
    for (let i = 0; i < 20; i++) {
      makeMachine(db, {
        requirement: "shop-safety | lathe-intermediate-skills",
      });
    }
    const students = [makeStudent(db), makeStudent(db), makeStudent(db)];
    for (const s of students) {
      makeAward(db, { studentId: s.id, badgeId: safety.id });
      makeAward(db, { studentId: s.id, badgeId: intermediate.id });
      makeHold(db, { studentId: s.id });
    }
    const counter = countStatements(db);
    clearStudent(db, students[0]!.id);
    const firstTime = counter.count;
    counter.count = 0;

    for (const s of students) clearStudent(db, s.id);
    counter.restore();

    expect(firstTime).toBe(3); // the student, then badges and machines
    expect(counter.count).toBeLessThanOrEqual(2 * students.length);
    expect(counter.count).toBe(students.length);
  });

  it("reloads the catalog after invalidateCatalog", () => {
    const { db } = createTestDb();
    const machine = makeMachine(db, { name: "Old name" });
    expect(loadCatalog(db).machines[0]?.name).toBe("Old name");

    db.update(machines)
      .set({ name: "New name" })
      .where(eq(machines.id, machine.id))
      .run();
    const stale = loadCatalog(db).machines[0]?.name;
    invalidateCatalog(db);
    const fresh = loadCatalog(db).machines[0]?.name;

    expect(stale).toBe("Old name");
    expect(fresh).toBe("New name");
  });

  it("sees badges and machines written by another connection", () => {
    const dir = mkdtempSync(join(tmpdir(), "shoppass-clearance-"));
    const server = openDb(join(dir, "shop.sqlite"));
    const cli = openDb(join(dir, "shop.sqlite"));
    loadCatalog(server);

    makeMachine(cli, { code: "NEW-01" });
    const machines = loadCatalog(server).machines.map((m) => m.code);
    server.$client.close();
    cli.$client.close();
    rmSync(dir, { recursive: true, force: true });

    expect(machines).toEqual(["NEW-01"]);
  });

  it("fails closed for a stored requirement that no longer parses", () => {
    const { db } = createTestDb();
    const machine = makeMachine(db, { requirement: "a & (" });
    const student = makeStudent(db);

    const clearance = clearStudentForMachine(db, student.id, machine.id);

    expect(clearance.cleared).toBe(false);
    expect(clearance.reasons[0]?.code).toBe("missing");
  });
});
