import type { Config } from "../config";
import type { Db } from "../db/client";
import { issueCredential } from "../credentials/service";
import { requireRole, type Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { InvalidError, NotFoundError } from "../lib/errors";
import { studentHistory } from "../audit/service";
import { listStudentAwards } from "../awards/queries";
import { awardStatus } from "../clearance/rules";
import { clearStudent } from "../clearance/service";
import type { Clearance, MachineInfo } from "../clearance/types";
import { listStudentHolds } from "../holds/queries";
import { today, type Day } from "../lib/dates";
import * as q from "./queries";
import type { StudentForm, StudentListQuery } from "./schemas";

export const STUDENT_PAGE_SIZE = 50;

const EMAIL_TAKEN = "A student with that email already exists";
const NUMBER_TAKEN = "A student with that number already exists";

const SUPERVISORS_ONLY = "Only a supervisor may change student records";

/** One page of students matching a search, and how many pages there are. */
export function findStudents(db: Db, query: StudentListQuery) {
  const filter = { q: query.q, status: query.status };
  const load = (page: number) =>
    q.searchStudents(db, filter, {
      limit: STUDENT_PAGE_SIZE,
      offset: (page - 1) * STUDENT_PAGE_SIZE,
    });

  const first = load(query.page);
  const pageCount = Math.max(1, Math.ceil(first.total / STUDENT_PAGE_SIZE));
  // a page past the end shows the last page rather than nothing
  const page = Math.min(query.page, pageCount);
  const result = page === query.page ? first : load(page);
  return { ...result, page, pageCount };
}

/** The student with this number, or a 404. */
export function getStudent(db: Db, number: string): q.StudentRow {
  const student = q.findStudentByNumber(db, number);
  if (!student)
    throw new NotFoundError("There is no student with that number.");
  return student;
}

function checkUnique(
  tx: Pick<Db, "select">,
  input: StudentForm,
  exceptId?: number,
) {
  const fields: Record<string, string> = {};
  if (q.findClash(tx, "number", input.number, exceptId)) {
    fields.number = NUMBER_TAKEN;
  }
  if (q.findClash(tx, "email", input.email, exceptId)) {
    fields.email = EMAIL_TAKEN;
  }
  const first = Object.values(fields)[0];
  if (first) throw new InvalidError(first, fields);
}

/** Adds a student and issues their QR credential in the same transaction. */
export function createStudent(
  db: Db,
  config: Config,
  actor: Actor,
  input: StudentForm,
): { id: number; number: string } {
  requireRole(actor, "supervisor", SUPERVISORS_ONLY);
  const values = { ...input, email: input.email.toLowerCase() };

  return withClashMessages(() =>
    db.transaction((tx) => {
      checkUnique(tx, values);
      const { id } = q.insertStudent(tx, values);
      issueCredential(tx, config, id);
      writeAudit(tx, actor, {
        action: "student.create",
        entityType: "student",
        entityId: id,
        after: values,
      });
      return { id, number: values.number };
    }),
  );
}

/** Changes a student's facts; the audit row keeps only what changed. */
export function updateStudent(
  db: Db,
  actor: Actor,
  studentId: number,
  input: StudentForm,
): { number: string } {
  requireRole(actor, "supervisor", SUPERVISORS_ONLY);
  const values = { ...input, email: input.email.toLowerCase() };

  return withClashMessages(() =>
    db.transaction((tx) => {
      const current = q.findStudentById(tx, studentId);
      if (!current) throw new NotFoundError("There is no such student.");
      checkUnique(tx, values, studentId);

      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of Object.keys(values) as (keyof typeof values)[]) {
        if (current[key] === values[key]) continue;
        before[key] = current[key];
        after[key] = values[key];
      }
      if (Object.keys(after).length === 0) return { number: current.number };

      q.updateStudent(tx, studentId, values);
      writeAudit(tx, actor, {
        action: "student.update",
        entityType: "student",
        entityId: studentId,
        before,
        after,
      });
      return { number: values.number };
    }),
  );
}

// Another process (the CLI) may insert between our check and our write.
function withClashMessages<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    const code = (err as { code?: string }).code;
    const text = code === "SQLITE_CONSTRAINT_UNIQUE" ? String(err) : "";
    if (text.includes("students.email")) {
      throw new InvalidError(EMAIL_TAKEN, { email: EMAIL_TAKEN });
    }
    if (text.includes("students.student_number")) {
      throw new InvalidError(NUMBER_TAKEN, { number: NUMBER_TAKEN });
    }
    throw err;
  }
}

export type HoldState = "active" | "scheduled" | "ended" | "lifted";

// A hold blocks from its first day through its last day, inclusive.
function holdState(
  hold: { startsOn: Day; endsOn: Day | null; liftedAt: Date | null },
  at: Day,
): HoldState {
  if (hold.liftedAt) return "lifted";
  if (hold.startsOn > at) return "scheduled";
  if (hold.endsOn && hold.endsOn < at) return "ended";
  return "active";
}

/** Everything the student page shows: facts, awards, clearances, holds, history. */
export function loadStudentRecord(db: Db, number: string, at: Day = today()) {
  const student = getStudent(db, number);
  const { input, clearances } = clearStudent(db, student.id, at);

  const awards = listStudentAwards(db, student.id).map((row) => {
    const badge = input.badges.get(row.badgeId);
    const status = badge ? awardStatus(row, badge, input) : null;
    return { ...row, status };
  });
  const holds = listStudentHolds(db, student.id).map((row) => ({
    ...row,
    state: holdState(row, at),
  }));
  const history = studentHistory(db, {
    studentId: student.id,
    awardIds: awards.map((a) => a.id),
    holdIds: holds.map((h) => h.id),
  });

  return {
    at,
    student,
    awards,
    holds,
    areas: groupByArea(input.machines, clearances),
    history,
  };
}

function groupByArea(machines: MachineInfo[], clearances: Clearance[]) {
  const byMachine = new Map(clearances.map((c) => [c.machineId, c]));
  const areas = new Map<
    string,
    { machine: MachineInfo; clearance: Clearance }[]
  >();
  const sorted = [...machines].sort(
    (a, b) => a.area.localeCompare(b.area) || a.code.localeCompare(b.code),
  );
  for (const machine of sorted) {
    const clearance = byMachine.get(machine.id);
    if (!clearance) continue;
    const rows = areas.get(machine.area) ?? [];
    rows.push({ machine, clearance });
    areas.set(machine.area, rows);
  }
  return [...areas].map(([area, rows]) => ({ area, rows }));
}
