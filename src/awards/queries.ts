import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { awards, badgeAssessors, badges, students, users } from "../db/schema";
import { badgeInfoColumns } from "../clearance/queries";

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "insert" | "update">;

const assessor = alias(users, "assessor");
const revoker = alias(users, "revoker");

/** A student's awards, newest first, with badge, assessor and revoker. */
export function listStudentAwards(db: Reader, studentId: number) {
  return db
    .select({
      id: awards.id,
      badgeId: awards.badgeId,
      badgeName: badges.name,
      badgeSlug: badges.slug,
      track: badges.track,
      type: badges.type,
      level: badges.level,
      issuedOn: awards.issuedOn,
      expiresOn: awards.expiresOn,
      assessorName: assessor.name,
      importedAssessor: awards.assessorName,
      evidence: awards.evidence,
      source: awards.source,
      revokedAt: awards.revokedAt,
      revokedByName: revoker.name,
      revokeReason: awards.revokeReason,
    })
    .from(awards)
    .innerJoin(badges, eq(badges.id, awards.badgeId))
    .leftJoin(assessor, eq(assessor.id, awards.assessorId))
    .leftJoin(revoker, eq(revoker.id, awards.revokedBy))
    .where(eq(awards.studentId, studentId))
    .orderBy(desc(awards.issuedOn), desc(awards.id))
    .all();
}

export function findAward(db: Reader, id: number) {
  return (
    db
      .select({
        id: awards.id,
        studentId: awards.studentId,
        studentNumber: students.number,
        studentFirstName: students.firstName,
        studentLastName: students.lastName,
        badgeId: awards.badgeId,
        badgeName: badges.name,
        issuedOn: awards.issuedOn,
        expiresOn: awards.expiresOn,
        revokedAt: awards.revokedAt,
        revokedBy: awards.revokedBy,
        revokeReason: awards.revokeReason,
      })
      .from(awards)
      .innerJoin(students, eq(students.id, awards.studentId))
      .innerJoin(badges, eq(badges.id, awards.badgeId))
      .where(eq(awards.id, id))
      .get() ?? null
  );
}

export function findBadge(db: Reader, id: number) {
  return (
    db.select(badgeInfoColumns).from(badges).where(eq(badges.id, id)).get() ??
    null
  );
}

/** Badges that may still be awarded, by name. */
export function listAwardableBadges(db: Reader) {
  return db
    .select(badgeInfoColumns)
    .from(badges)
    .where(eq(badges.archived, false))
    .orderBy(asc(badges.name))
    .all();
}

/** The users named as the badge's assessors (none: anyone may assess). */
export function listBadgeAssessors(db: Reader, badgeId: number) {
  return db
    .select({ id: users.id, name: users.name })
    .from(badgeAssessors)
    .innerJoin(users, eq(users.id, badgeAssessors.userId))
    .where(eq(badgeAssessors.badgeId, badgeId))
    .orderBy(asc(users.name))
    .all();
}

/** Active staff accounts, to choose an assessor from. */
export function listActiveStaff(db: Reader) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name))
    .all();
}

export function findActiveStaff(db: Reader, id: number) {
  return (
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.id, id), eq(users.active, true)))
      .get() ?? null
  );
}

export function insertAward(
  db: Writer,
  values: {
    studentId: number;
    badgeId: number;
    issuedOn: string;
    expiresOn: string | null;
    assessorId: number;
    evidence: string | null;
    createdBy: number | null;
  },
) {
  return db
    .insert(awards)
    .values({ ...values, source: "manual" })
    .returning({ id: awards.id })
    .get();
}

export function markRevoked(
  db: Writer,
  id: number,
  values: { revokedAt: Date; revokedBy: number | null; revokeReason: string },
) {
  db.update(awards).set(values).where(eq(awards.id, id)).run();
}
