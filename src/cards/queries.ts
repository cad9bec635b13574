import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { awards, machines, students } from "../db/schema";
import type { Day } from "../lib/dates";

const cardColumns = {
  id: students.id,
  number: students.number,
  firstName: students.firstName,
  lastName: students.lastName,
};

export type CardStudentRow = {
  id: number;
  number: string;
  firstName: string;
  lastName: string;
};

const byName = [asc(students.lastName), asc(students.firstName)];

export function findStudentByNumber(db: Db, number: string) {
  return (
    db
      .select(cardColumns)
      .from(students)
      .where(eq(students.number, number))
      .get() ?? null
  );
}

export function findStudentById(db: Db, id: number) {
  return (
    db.select(cardColumns).from(students).where(eq(students.id, id)).get() ??
    null
  );
}

export function listStudentsByNumbers(db: Db, numbers: string[]) {
  if (numbers.length === 0) return [];
  return db
    .select(cardColumns)
    .from(students)
    .where(inArray(students.number, numbers))
    .orderBy(...byName)
    .all();
}

/** Active students with an unrevoked award issued on or after `since`. */
export function listStudentsAwardedSince(db: Db, since: Day) {
  return db
    .selectDistinct(cardColumns)
    .from(students)
    .innerJoin(awards, eq(awards.studentId, students.id))
    .where(
      and(
        eq(students.status, "active"),
        isNull(awards.revokedAt),
        gte(awards.issuedOn, since),
      ),
    )
    .orderBy(...byName)
    .all();
}

/** Active students holding an award of one of the badges, valid on `at`. */
export function listStudentsHoldingBadges(db: Db, badgeIds: number[], at: Day) {
  if (badgeIds.length === 0) return [];
  return db
    .selectDistinct(cardColumns)
    .from(students)
    .innerJoin(awards, eq(awards.studentId, students.id))
    .where(
      and(
        eq(students.status, "active"),
        inArray(awards.badgeId, badgeIds),
        isNull(awards.revokedAt),
        lte(awards.issuedOn, at),
        or(isNull(awards.expiresOn), gte(awards.expiresOn, at)),
      ),
    )
    .orderBy(...byName)
    .all();
}

export function listAreas(db: Db): string[] {
  return db
    .selectDistinct({ area: machines.area })
    .from(machines)
    .orderBy(asc(machines.area))
    .all()
    .map((r) => r.area);
}
