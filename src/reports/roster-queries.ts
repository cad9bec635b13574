// Bulk reads for the roster: a few set-based statements for all
// candidates at once, never one per student. Raw SQL on the driver because
// these loops see tens of thousands of rows.
import type { Db } from "../db/client";

export type AwardLine = [
  studentId: number,
  id: number,
  badgeId: number,
  issuedOn: string,
  expiresOn: string | null,
  revokedAt: number | null,
];

/** The students' awards, past or present, of the given badges. */
export function listAwardsOfStudents(
  db: Db,
  studentIds: number[],
  badgeIds: number[],
): AwardLine[] {
  if (studentIds.length === 0 || badgeIds.length === 0) return [];
  return db.$client
    .prepare(
      `select student_id, id, badge_id, issued_on, expires_on, revoked_at
       from awards
       where badge_id in (select value from json_each(?))
         and student_id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(badgeIds), JSON.stringify(studentIds)) as AwardLine[];
}

export function listInactiveStudentIds(db: Db): Set<number> {
  const ids = db.$client
    .prepare(`select id from students where status <> 'active'`)
    .pluck()
    .all() as number[];
  return new Set(ids);
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

/**
 * Visits student ids in name order (last, first) until `visit` says stop.
 * Walks the name index, so stopping early reads only what was needed.
 */
export function walkStudentIdsByName(
  db: Db,
  visit: (id: number) => "stop" | "more",
): void {
  const ids = db.$client
    .prepare(`select id from students order by last_name, first_name, id`)
    .pluck()
    .iterate() as IterableIterator<number>;
  for (const id of ids) {
    if (visit(id) === "stop") break; // leaving the loop closes the statement
  }
}

export type StudentRow = {
  id: number;
  number: string;
  firstName: string;
  lastName: string;
  email: string;
};

export function listStudentsById(db: Db, ids: number[]): StudentRow[] {
  if (ids.length === 0) return [];
  return db.$client
    .prepare(
      `select id, student_number as number, first_name as firstName,
              last_name as lastName, email
       from students where id in (select value from json_each(?))`,
    )
    .all(JSON.stringify(ids)) as StudentRow[];
}

/** Who assessed each award: the staff member's name, or the imported name. */
export function listAssessors(db: Db, awardIds: number[]): Map<number, string> {
  if (awardIds.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `select a.id, coalesce(u.name, a.assessor_name, '')
       from awards a left join users u on u.id = a.assessor_id
       where a.id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(awardIds)) as [number, string][];
  return new Map(rows);
}
