import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { badges, holds, machines, students, users } from "../db/schema";

type Reader = Pick<Db, "select" | "selectDistinct">;
type Writer = Pick<Db, "insert" | "update">;

const placer = alias(users, "placer");
const lifter = alias(users, "lifter");

/** A student's holds, newest first, with machine and the staff involved. */
export function listStudentHolds(db: Reader, studentId: number) {
  return db
    .select({
      id: holds.id,
      scope: holds.scope,
      machineId: holds.machineId,
      machineCode: machines.code,
      machineName: machines.name,
      track: holds.track,
      reason: holds.reason,
      startsOn: holds.startsOn,
      endsOn: holds.endsOn,
      placedByName: placer.name,
      placedAt: holds.placedAt,
      liftedAt: holds.liftedAt,
      liftedByName: lifter.name,
      liftReason: holds.liftReason,
    })
    .from(holds)
    .leftJoin(machines, eq(machines.id, holds.machineId))
    .leftJoin(placer, eq(placer.id, holds.placedBy))
    .leftJoin(lifter, eq(lifter.id, holds.liftedBy))
    .where(eq(holds.studentId, studentId))
    .orderBy(desc(holds.startsOn), desc(holds.id))
    .all();
}

export function findHold(db: Reader, id: number) {
  return (
    db
      .select({
        id: holds.id,
        studentId: holds.studentId,
        studentNumber: students.number,
        scope: holds.scope,
        liftedAt: holds.liftedAt,
        liftReason: holds.liftReason,
      })
      .from(holds)
      .innerJoin(students, eq(students.id, holds.studentId))
      .where(eq(holds.id, id))
      .get() ?? null
  );
}

/** Every machine, to choose one for a hold. */
export function listMachineOptions(db: Reader) {
  return db
    .select({
      id: machines.id,
      code: machines.code,
      name: machines.name,
      area: machines.area,
    })
    .from(machines)
    .orderBy(asc(machines.area), asc(machines.code))
    .all();
}

export function findMachine(db: Reader, id: number) {
  return (
    db
      .select({ id: machines.id, code: machines.code })
      .from(machines)
      .where(eq(machines.id, id))
      .get() ?? null
  );
}

/** The tracks named by any badge, archived or not. */
export function listTracks(db: Reader): string[] {
  return db
    .selectDistinct({ track: badges.track })
    .from(badges)
    .orderBy(asc(badges.track))
    .all()
    .map((r) => r.track);
}

export function insertHold(
  db: Writer,
  values: {
    studentId: number;
    scope: "all" | "machine" | "track";
    machineId: number | null;
    track: string | null;
    reason: string;
    startsOn: string;
    endsOn: string | null;
    placedBy: number | null;
  },
) {
  return db.insert(holds).values(values).returning({ id: holds.id }).get();
}

export function markLifted(
  db: Writer,
  id: number,
  values: {
    liftedAt: Date;
    liftedBy: number | null;
    liftReason: string | null;
  },
) {
  db.update(holds).set(values).where(eq(holds.id, id)).run();
}
