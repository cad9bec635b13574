import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { machineSessions, machines, students } from "../db/schema";

export function findStudentName(db: Db, studentId: number) {
  return (
    db
      .select({ firstName: students.firstName, lastName: students.lastName })
      .from(students)
      .where(eq(students.id, studentId))
      .get() ?? null
  );
}

export function listRecentSessions(db: Db, studentId: number, limit: number) {
  return db
    .select({
      machineName: machines.name,
      machineCode: machines.code,
      startedAt: machineSessions.startedAt,
      endedAt: machineSessions.endedAt,
    })
    .from(machineSessions)
    .innerJoin(machines, eq(machines.id, machineSessions.machineId))
    .where(eq(machineSessions.studentId, studentId))
    .orderBy(desc(machineSessions.startedAt))
    .limit(limit)
    .all();
}

export type SessionRow = ReturnType<typeof listRecentSessions>[number];
