import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { awards, badges, holds, machines, students, users } from "../db/schema";

type Conn = Pick<Db, "select" | "insert" | "update">;

export function findUserByEmail(db: Conn, email: string) {
  return (
    db
      .select({ id: users.id, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.email, email))
      .get() ?? null
  );
}

export function findMachineIdByCode(db: Conn, code: string) {
  const row = db
    .select({ id: machines.id })
    .from(machines)
    .where(eq(machines.code, code))
    .get();
  return row?.id ?? null;
}

/** The first award of a student and badge issued on a day. */
export function findAward(
  db: Conn,
  key: { studentNumber: string; badge: string; issuedOn: string },
) {
  return (
    db
      .select({ id: awards.id, revokedAt: awards.revokedAt })
      .from(awards)
      .innerJoin(students, eq(students.id, awards.studentId))
      .innerJoin(badges, eq(badges.id, awards.badgeId))
      .where(
        and(
          eq(students.number, key.studentNumber),
          eq(badges.slug, key.badge),
          eq(awards.issuedOn, key.issuedOn),
        ),
      )
      .orderBy(awards.id)
      .get() ?? null
  );
}

export function revokeAward(
  db: Conn,
  id: number,
  values: { revokedAt: Date; revokedBy: number; revokeReason: string },
) {
  db.update(awards).set(values).where(eq(awards.id, id)).run();
}

export type HoldValues = typeof holds.$inferInsert;

export function findHold(
  db: Conn,
  key: Pick<HoldValues, "studentId" | "scope" | "reason" | "startsOn">,
) {
  const row = db
    .select({ id: holds.id })
    .from(holds)
    .where(
      and(
        eq(holds.studentId, key.studentId),
        eq(holds.scope, key.scope),
        eq(holds.reason, key.reason),
        eq(holds.startsOn, key.startsOn),
      ),
    )
    .get();
  return row?.id ?? null;
}

export function insertHold(db: Conn, values: HoldValues): number {
  return db.insert(holds).values(values).returning({ id: holds.id }).get().id;
}
