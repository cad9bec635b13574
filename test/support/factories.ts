// Small factories for tests: each inserts one row with sensible defaults
// and returns it. Pass overrides for what the test is about.
import type { Db } from "../../src/db/client";
import { awards, badges, holds, machines, students } from "../../src/db/schema";

let seq = 0;
const next = () => (seq += 1);

type StudentRow = typeof students.$inferInsert;
type BadgeRow = typeof badges.$inferInsert;
type MachineRow = typeof machines.$inferInsert;
type AwardRow = typeof awards.$inferInsert;
type HoldRow = typeof holds.$inferInsert;

/** An active student with a unique number and email. */
export function makeStudent(db: Db, overrides: Partial<StudentRow> = {}) {
  const n = next();
  return db
    .insert(students)
    .values({
      number: `S${100000 + n}`,
      firstName: "Ada",
      lastName: `Student${n}`,
      email: `student${n}@uni.test`,
      ...overrides,
    })
    .returning()
    .get();
}

/** A never-expiring shop-safety knowledge badge unless told otherwise. */
export function makeBadge(db: Db, overrides: Partial<BadgeRow> = {}) {
  const n = next();
  return db
    .insert(badges)
    .values({
      slug: `badge-${n}`,
      name: `Badge ${n}`,
      track: "shop-safety",
      type: "knowledge",
      level: "introductory",
      ...overrides,
    })
    .returning()
    .get();
}

/** An in-service machine in the Machine Shop with no requirement. */
export function makeMachine(db: Db, overrides: Partial<MachineRow> = {}) {
  const n = next();
  return db
    .insert(machines)
    .values({
      code: `MACH-${n}`,
      name: `Machine ${n}`,
      area: "Machine Shop",
      ...overrides,
    })
    .returning()
    .get();
}

/** An award; makes a student and a badge when none are given. */
export function makeAward(db: Db, overrides: Partial<AwardRow> = {}) {
  const studentId = overrides.studentId ?? makeStudent(db).id;
  const badgeId = overrides.badgeId ?? makeBadge(db).id;
  return db
    .insert(awards)
    .values({ issuedOn: "2025-01-15", ...overrides, studentId, badgeId })
    .returning()
    .get();
}

/** A hold on every machine from 2025-01-01; makes a student if none given. */
export function makeHold(db: Db, overrides: Partial<HoldRow> = {}) {
  const studentId = overrides.studentId ?? makeStudent(db).id;
  return db
    .insert(holds)
    .values({
      scope: "all",
      reason: "Safety review",
      startsOn: "2025-01-01",
      ...overrides,
      studentId,
    })
    .returning()
    .get();
}
