import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { devices, machines } from "../db/schema";
import { preparedOn } from "../lib/prepared";

type Tx = Pick<Db, "select" | "insert" | "update">;

const deviceColumns = {
  id: devices.id,
  name: devices.name,
  kind: devices.kind,
  area: devices.area,
  machineId: devices.machineId,
  revokedAt: devices.revokedAt,
};

// Every device API request starts here.
const deviceBySecretHash = preparedOn((db: Tx) =>
  db
    .select(deviceColumns)
    .from(devices)
    .where(eq(devices.secretHash, sql.placeholder("secretHash")))
    .prepare(),
);

export function findDeviceBySecretHash(db: Tx, secretHash: string) {
  return deviceBySecretHash(db).get({ secretHash }) ?? null;
}

export function findDevice(db: Tx, id: number) {
  return (
    db.select(deviceColumns).from(devices).where(eq(devices.id, id)).get() ??
    null
  );
}

export function listDevices(db: Tx) {
  return db
    .select({
      ...deviceColumns,
      createdAt: devices.createdAt,
      machineCode: machines.code,
    })
    .from(devices)
    .leftJoin(machines, eq(machines.id, devices.machineId))
    .orderBy(asc(devices.name), asc(devices.id))
    .all();
}

export function insertDevice(
  db: Tx,
  row: typeof devices.$inferInsert,
): { id: number } {
  return db.insert(devices).values(row).returning({ id: devices.id }).get();
}

export function markRevoked(db: Tx, id: number, at: Date) {
  db.update(devices).set({ revokedAt: at }).where(eq(devices.id, id)).run();
}

export function findMachineByCode(db: Tx, code: string) {
  return (
    db
      .select({ id: machines.id, code: machines.code, area: machines.area })
      .from(machines)
      .where(eq(machines.code, code))
      .get() ?? null
  );
}

/** Machines and areas for the register form's choices. */
export function listMachineChoices(db: Tx) {
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
