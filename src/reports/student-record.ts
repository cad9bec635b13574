// Student record: every award the student ever had, their holds and their
// clearance for every machine today, for a supervisor to sign and file.
import type { Db } from "../db/client";
import { clearStudent } from "../clearance/service";
import { awardStatus, isHoldActive } from "../clearance/rules";
import type { AwardStatus, Reason } from "../clearance/types";
import { today, type Day } from "../lib/dates";
import { NotFoundError } from "../lib/errors";
import type { CsvRow } from "./csv";
import { localStamp } from "./format";

export type RecordAward = {
  badge: string;
  status: AwardStatus;
  issuedOn: Day;
  expiresOn: Day | null;
  assessor: string;
  evidence: string;
  source: string;
  revokedAt: number | null;
  revokedBy: string;
  revokeReason: string;
};

export type RecordHold = {
  scope: string; // in words: "All machines", "Machine LATHE-01", "Track lathe"
  reason: string;
  startsOn: Day;
  endsOn: Day | null;
  placedBy: string;
  liftedAt: number | null;
  liftedBy: string;
  liftReason: string;
  active: boolean;
};

export type RecordClearance = {
  machine: string;
  name: string;
  area: string;
  cleared: boolean;
  until: Day | null;
  reasons: Reason[];
};

export type StudentRecord = {
  at: Day;
  student: {
    number: string;
    firstName: string;
    lastName: string;
    email: string;
    status: string;
  };
  awards: RecordAward[]; // newest first
  holds: RecordHold[];
  clearances: RecordClearance[];
};

/** The whole record of the student with this number (NotFoundError if none). */
export function buildStudentRecord(
  db: Db,
  number: string,
  at: Day = today(),
): StudentRecord {
  const student = findStudent(db, number);
  if (!student) throw new NotFoundError(`No student has the number ${number}`);

  const { input, clearances } = clearStudent(db, student.id, at);
  const statusOf = new Map(
    input.awards.map((a) => [
      a.id,
      awardStatus(a, input.badges.get(a.badgeId)!, input),
    ]),
  );
  const machines = new Map(input.machines.map((m) => [m.id, m]));
  return {
    at,
    student,
    awards: listAwards(db, student.id).map(({ id, ...a }) => ({
      ...a,
      status: statusOf.get(id)!,
    })),
    holds: listHolds(db, student.id, at),
    clearances: clearances.map((c) => {
      const m = machines.get(c.machineId)!;
      return {
        machine: m.code,
        name: m.name,
        area: m.area,
        cleared: c.cleared,
        until: c.earliestExpiry,
        reasons: c.reasons,
      };
    }),
  };
}

/** True when a student has this number (the report's lookup form). */
export function hasStudentNumber(db: Db, number: string): boolean {
  return findStudent(db, number) !== null;
}

function findStudent(db: Db, number: string) {
  const row = db.$client
    .prepare(
      `select id, student_number as number, first_name as firstName,
              last_name as lastName, email, status
       from students where student_number = ? collate nocase`,
    )
    .get(number) as (StudentRecord["student"] & { id: number }) | undefined;
  return row ?? null;
}

function listAwards(db: Db, studentId: number) {
  return db.$client
    .prepare(
      `select a.id, b.name as badge, a.issued_on as issuedOn,
              a.expires_on as expiresOn,
              coalesce(u.name, a.assessor_name, '') as assessor,
              coalesce(a.evidence, '') as evidence, a.source,
              a.revoked_at as revokedAt, coalesce(r.name, '') as revokedBy,
              coalesce(a.revoke_reason, '') as revokeReason
       from awards a
       join badges b on b.id = a.badge_id
       left join users u on u.id = a.assessor_id
       left join users r on r.id = a.revoked_by
       where a.student_id = ?
       order by a.issued_on desc, a.id desc`,
    )
    .all(studentId) as (Omit<RecordAward, "status"> & { id: number })[];
}

function listHolds(db: Db, studentId: number, at: Day): RecordHold[] {
  const rows = db.$client
    .prepare(
      `select h.scope, m.code as machine, h.track, h.reason,
              h.starts_on as startsOn, h.ends_on as endsOn,
              coalesce(p.name, '') as placedBy, h.lifted_at as liftedAt,
              coalesce(l.name, '') as liftedBy,
              coalesce(h.lift_reason, '') as liftReason
       from holds h
       left join machines m on m.id = h.machine_id
       left join users p on p.id = h.placed_by
       left join users l on l.id = h.lifted_by
       where h.student_id = ?
       order by h.starts_on desc, h.id desc`,
    )
    .all(studentId) as (Omit<RecordHold, "scope" | "active"> & {
    scope: string;
    machine: string | null;
    track: string | null;
  })[];
  return rows.map(({ machine, track, ...h }) => ({
    ...h,
    scope:
      h.scope === "machine"
        ? `Machine ${machine}`
        : h.scope === "track"
          ? `Track ${track}`
          : "All machines",
    active: isHoldActive(
      {
        id: 0,
        scope: "all",
        machineId: null,
        track,
        reason: h.reason,
        startsOn: h.startsOn,
        endsOn: h.endsOn,
        liftedAt: h.liftedAt === null ? null : new Date(h.liftedAt),
      },
      at,
    ),
  }));
}

export const STUDENT_RECORD_CSV_HEADER = [
  "badge",
  "status",
  "issued_on",
  "expires_on",
  "assessor",
  "evidence",
  "source",
  "revoked_at",
  "revoked_by",
  "revoke_reason",
];

/** The award history, one row per award. */
export function studentRecordCsvRows(record: StudentRecord): CsvRow[] {
  return record.awards.map((a) => [
    a.badge,
    a.status,
    a.issuedOn,
    a.expiresOn,
    a.assessor,
    a.evidence,
    a.source,
    a.revokedAt === null ? "" : localStamp(a.revokedAt),
    a.revokedBy,
    a.revokeReason,
  ]);
}
