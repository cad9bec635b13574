import { and, asc, count, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  areaSettings,
  machineSessions,
  machines,
  students,
} from "../db/schema";
import { preparedOn } from "../lib/prepared";

type Tx = Pick<Db, "select" | "insert" | "update">;

const machineColumns = {
  id: machines.id,
  code: machines.code,
  name: machines.name,
  area: machines.area,
  capacity: machines.capacity,
  inService: machines.inService,
  outOfServiceReason: machines.outOfServiceReason,
};
export type MachineRow = {
  id: number;
  code: string;
  name: string;
  area: string;
  capacity: number;
  inService: boolean;
  outOfServiceReason: string | null;
};

const studentColumns = {
  id: students.id,
  number: students.number,
  firstName: students.firstName,
  lastName: students.lastName,
};

// The scan and API paths run these on every request: prepared once.
const machineById = preparedOn((db: Tx) =>
  db
    .select(machineColumns)
    .from(machines)
    .where(eq(machines.id, sql.placeholder("id")))
    .prepare(),
);
const studentById = preparedOn((db: Tx) =>
  db
    .select(studentColumns)
    .from(students)
    .where(eq(students.id, sql.placeholder("id")))
    .prepare(),
);

export function findMachine(db: Tx, id: number): MachineRow | null {
  return machineById(db).get({ id }) ?? null;
}

function machineFilter(filter: { area?: string; machineId?: number }) {
  const where: SQL[] = [];
  if (filter.area !== undefined) where.push(eq(machines.area, filter.area));
  if (filter.machineId !== undefined) {
    where.push(eq(machines.id, filter.machineId));
  }
  return and(...where);
}

export function listMachines(
  db: Tx,
  filter: { area?: string; machineId?: number },
): MachineRow[] {
  return db
    .select(machineColumns)
    .from(machines)
    .where(machineFilter(filter))
    .orderBy(asc(machines.area), asc(machines.code))
    .all();
}

export function findStudent(db: Tx, id: number) {
  return studentById(db).get({ id }) ?? null;
}

const sessionColumns = {
  id: machineSessions.id,
  machineId: machineSessions.machineId,
  studentId: machineSessions.studentId,
  startedAt: machineSessions.startedAt,
  endedAt: machineSessions.endedAt,
  endKind: machineSessions.endKind,
};

export function findOpenSession(db: Tx, machineId: number, studentId: number) {
  return (
    db
      .select(sessionColumns)
      .from(machineSessions)
      .where(
        and(
          eq(machineSessions.machineId, machineId),
          isNull(machineSessions.endedAt),
          eq(machineSessions.studentId, studentId),
        ),
      )
      .get() ?? null
  );
}

export function countOpenSessions(db: Tx, machineId: number): number {
  const row = db
    .select({ n: count() })
    .from(machineSessions)
    .where(
      and(
        eq(machineSessions.machineId, machineId),
        isNull(machineSessions.endedAt),
      ),
    )
    .get();
  return row?.n ?? 0;
}

export function insertSession(
  db: Tx,
  row: typeof machineSessions.$inferInsert,
): void {
  db.insert(machineSessions).values(row).run();
}

/** One session with its machine code and student number, or null. */
export function findSession(db: Tx, id: string) {
  return (
    db
      .select({
        ...sessionColumns,
        machineCode: machines.code,
        machineArea: machines.area,
        studentNumber: students.number,
      })
      .from(machineSessions)
      .innerJoin(machines, eq(machines.id, machineSessions.machineId))
      .innerJoin(students, eq(students.id, machineSessions.studentId))
      .where(eq(machineSessions.id, id))
      .get() ?? null
  );
}

export function markEnded(
  db: Tx,
  id: string,
  end: {
    endedAt: Date;
    endKind: "scan" | "staff" | "device" | "auto";
    endedBy: number | null;
  },
): void {
  db.update(machineSessions)
    .set(end)
    .where(and(eq(machineSessions.id, id), isNull(machineSessions.endedAt)))
    .run();
}

/** Open sessions with their students, for the occupancy board. */
export function listOpenSessions(
  db: Tx,
  filter: { area?: string; machineId?: number },
) {
  return db
    .select({
      id: machineSessions.id,
      machineId: machineSessions.machineId,
      startedAt: machineSessions.startedAt,
      student: studentColumns,
    })
    .from(machineSessions)
    .innerJoin(machines, eq(machines.id, machineSessions.machineId))
    .innerJoin(students, eq(students.id, machineSessions.studentId))
    .where(and(isNull(machineSessions.endedAt), machineFilter(filter)))
    .orderBy(asc(machineSessions.startedAt))
    .all();
}

/** Open sessions on machines whose area has a closing time. */
export function listOpenSessionsWithClosingTime(db: Tx) {
  return db
    .select({
      id: machineSessions.id,
      startedAt: machineSessions.startedAt,
      closingTime: areaSettings.closingTime,
    })
    .from(machineSessions)
    .innerJoin(machines, eq(machines.id, machineSessions.machineId))
    .innerJoin(areaSettings, eq(areaSettings.area, machines.area))
    .where(isNull(machineSessions.endedAt))
    .all();
}
