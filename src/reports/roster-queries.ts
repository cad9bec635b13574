// Bulk reads for the roster: a few set-based statements for all
// candidates at once, never one per student. Raw SQL on the driver because
// these loops see tens of thousands of rows.
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";

export type AwardLine = {
  studentId: number;
  status: "active" | "inactive";
  id: number;
  badgeId: number;
  issuedOn: string;
  expiresOn: string | null;
  revokedAt: number | null;
  revokeReason: string | null;
  assessorId: number | null;
  assessorName: string | null;
};

type AwardTuple = [
  number,
  "active" | "inactive",
  number,
  number,
  string,
  string | null,
  number | null,
  string | null,
  number | null,
  string | null,
];

/** Every award, past or present, of the given badges, with its student's status. */
export function listAwardsOfBadges(db: Db, badgeIds: number[]): AwardLine[] {
  if (badgeIds.length === 0) return [];
  const rows = db.$client
    .prepare(
      `select a.student_id, s.status, a.id, a.badge_id, a.issued_on,
              a.expires_on, a.revoked_at, a.revoke_reason,
              a.assessor_id, a.assessor_name
       from awards a join students s on s.id = a.student_id
       where a.badge_id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(badgeIds)) as AwardTuple[];
  return rows.map((r) => ({
    studentId: r[0],
    status: r[1],
    id: r[2],
    badgeId: r[3],
    issuedOn: r[4],
    expiresOn: r[5],
    revokedAt: r[6],
    revokeReason: r[7],
    assessorId: r[8],
    assessorName: r[9],
  }));
}

/** Every student's status (for a machine that needs no badge). */
export function listStudentStatuses(db: Db) {
  return db.$client.prepare(`select id, status from students`).raw().all() as [
    number,
    "active" | "inactive",
  ][];
}

export type HoldLine = {
  studentId: number;
  id: number;
  scope: "all" | "machine" | "track";
  machineId: number | null;
  track: string | null;
  reason: string;
  startsOn: string;
  endsOn: string | null;
  liftedAt: number | null;
};

/** Holds that may still apply on `day` (not lifted before it, not ended). */
export function listHoldsOn(db: Db, day: string): HoldLine[] {
  return db.$client
    .prepare(
      `select student_id as studentId, id, scope, machine_id as machineId,
              track, reason, starts_on as startsOn, ends_on as endsOn,
              lifted_at as liftedAt
       from holds
       where starts_on <= ? and (ends_on is null or ends_on >= ?)`,
    )
    .all(day, day) as HoldLine[];
}

/**
 * The last session start per student and machine before `beforeMs`, for
 * the students given (the "lapses after N months without use" rule).
 */
export function listLastUses(db: Db, studentIds: number[], beforeMs: number) {
  if (studentIds.length === 0) return [];
  return db.$client
    .prepare(
      `select student_id, machine_id, max(started_at)
       from machine_sessions
       where student_id in (select value from json_each(?))
         and started_at < ?
       group by student_id, machine_id`,
    )
    .raw()
    .all(JSON.stringify(studentIds), beforeMs) as [number, number, number][];
}

export function listStudentsById(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.$client
    .prepare(
      `select id, student_number as number, first_name as firstName,
              last_name as lastName, email
       from students where id in (select value from json_each(?))`,
    )
    .all(JSON.stringify(ids)) as {
    id: number;
    number: string;
    firstName: string;
    lastName: string;
    email: string;
  }[];
}

export function listUserNames(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.id))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}
