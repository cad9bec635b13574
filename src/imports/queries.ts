import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  awards,
  badgeAssessors,
  badges,
  machines,
  students,
  users,
} from "../db/schema";
import { badgeColumns } from "../badges/queries";

type Conn = Pick<Db, "select" | "insert" | "update">;

// SQLite allows a limited number of bound values per statement.
const CHUNK = 500;

function inChunks<T, R>(values: T[], load: (chunk: T[]) => R[]): R[] {
  const rows: R[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    rows.push(...load(values.slice(i, i + CHUNK)));
  }
  return rows;
}

export type BadgeRecord = ReturnType<typeof listBadges>[number];
export type BadgeValues = Omit<BadgeRecord, "id" | "archived">;

export function listBadges(db: Conn) {
  return db.select(badgeColumns).from(badges).all();
}

export function insertBadge(db: Conn, values: BadgeValues): number {
  return db.insert(badges).values(values).returning({ id: badges.id }).get().id;
}

export function updateBadge(
  db: Conn,
  id: number,
  values: Partial<BadgeValues>,
) {
  db.update(badges).set(values).where(eq(badges.id, id)).run();
}

/** badge id -> the user ids who may award it (badges that name any). */
export function listBadgeAssessors(db: Conn): Map<number, Set<number>> {
  const rows = db.select().from(badgeAssessors).all();
  const map = new Map<number, Set<number>>();
  for (const r of rows) {
    const set = map.get(r.badgeId) ?? new Set<number>();
    set.add(r.userId);
    map.set(r.badgeId, set);
  }
  return map;
}

const machineColumns = {
  id: machines.id,
  code: machines.code,
  name: machines.name,
  area: machines.area,
  requirement: machines.requirement,
  inService: machines.inService,
  outOfServiceReason: machines.outOfServiceReason,
  capacity: machines.capacity,
};
export type MachineRecord = ReturnType<typeof listMachines>[number];
export type MachineValues = Omit<MachineRecord, "id">;

export function listMachines(db: Conn) {
  return db.select(machineColumns).from(machines).all();
}

export function insertMachine(db: Conn, values: MachineValues): number {
  return db.insert(machines).values(values).returning({ id: machines.id }).get()
    .id;
}

export function updateMachine(
  db: Conn,
  id: number,
  values: Partial<MachineValues>,
) {
  db.update(machines).set(values).where(eq(machines.id, id)).run();
}

const studentColumns = {
  id: students.id,
  number: students.number,
  firstName: students.firstName,
  lastName: students.lastName,
  email: students.email,
  status: students.status,
};
export type StudentRecord = ReturnType<typeof findStudentsByNumbers>[number];
export type StudentValues = Omit<StudentRecord, "id">;

export function findStudentsByNumbers(db: Conn, numbers: string[]) {
  return inChunks(numbers, (chunk) =>
    db
      .select(studentColumns)
      .from(students)
      .where(inArray(students.number, chunk))
      .all(),
  );
}

export function findStudentsByEmails(db: Conn, emails: string[]) {
  return inChunks(emails, (chunk) =>
    db
      .select(studentColumns)
      .from(students)
      .where(inArray(students.email, chunk))
      .all(),
  );
}

export function insertStudent(db: Conn, values: StudentValues): number {
  return db.insert(students).values(values).returning({ id: students.id }).get()
    .id;
}

export function updateStudent(
  db: Conn,
  id: number,
  values: Partial<StudentValues>,
) {
  db.update(students).set(values).where(eq(students.id, id)).run();
}

const awardColumns = {
  id: awards.id,
  studentId: awards.studentId,
  badgeId: awards.badgeId,
  issuedOn: awards.issuedOn,
  expiresOn: awards.expiresOn,
  assessorId: awards.assessorId,
  assessorName: awards.assessorName,
  evidence: awards.evidence,
};
export type AwardRecord = ReturnType<typeof findAwardsOfStudents>[number];
export type AwardValues = Omit<AwardRecord, "id">;

export function findAwardsOfStudents(db: Conn, studentIds: number[]) {
  return inChunks(studentIds, (chunk) =>
    db
      .select(awardColumns)
      .from(awards)
      .where(inArray(awards.studentId, chunk))
      .orderBy(awards.id)
      .all(),
  );
}

export function insertAward(
  db: Conn,
  values: AwardValues,
  createdBy: number | null,
): number {
  return db
    .insert(awards)
    .values({ ...values, source: "import", createdBy })
    .returning({ id: awards.id })
    .get().id;
}

export function updateAward(
  db: Conn,
  id: number,
  values: Partial<AwardValues>,
) {
  db.update(awards).set(values).where(eq(awards.id, id)).run();
}

export function findUsersByEmails(db: Conn, emails: string[]) {
  return inChunks(emails, (chunk) =>
    db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, chunk))
      .all(),
  );
}
