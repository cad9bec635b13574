import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { areaSettings, machines } from "../db/schema";

type Conn = Pick<
  Db,
  "select" | "selectDistinct" | "insert" | "update" | "delete"
>;

const columns = {
  id: machines.id,
  code: machines.code,
  name: machines.name,
  area: machines.area,
  inService: machines.inService,
  outOfServiceReason: machines.outOfServiceReason,
  capacity: machines.capacity,
  requirement: machines.requirement,
};

export type MachineRow = {
  id: number;
  code: string;
  name: string;
  area: string;
  inService: boolean;
  outOfServiceReason: string | null;
  capacity: number;
  requirement: string;
};

export type MachineValues = Omit<MachineRow, "id">;

export function listMachines(db: Conn): MachineRow[] {
  return db
    .select(columns)
    .from(machines)
    .orderBy(asc(machines.area), asc(machines.code))
    .all();
}

export function findMachineByCode(db: Conn, code: string): MachineRow | null {
  return (
    db.select(columns).from(machines).where(eq(machines.code, code)).get() ??
    null
  );
}

export function listAreas(db: Conn): string[] {
  return db
    .selectDistinct({ area: machines.area })
    .from(machines)
    .orderBy(asc(machines.area))
    .all()
    .map((r) => r.area);
}

export function insertMachine(db: Conn, values: MachineValues): number {
  return db.insert(machines).values(values).returning({ id: machines.id }).get()
    .id;
}

export function updateMachine(
  db: Conn,
  id: number,
  set: Partial<MachineValues>,
) {
  db.update(machines).set(set).where(eq(machines.id, id)).run();
}

export function listAreaSettings(db: Conn) {
  return db
    .select({ area: areaSettings.area, closingTime: areaSettings.closingTime })
    .from(areaSettings)
    .orderBy(asc(areaSettings.area))
    .all();
}

export function findAreaSetting(db: Conn, area: string) {
  return (
    db
      .select({
        area: areaSettings.area,
        closingTime: areaSettings.closingTime,
      })
      .from(areaSettings)
      .where(eq(areaSettings.area, area))
      .get() ?? null
  );
}

export function saveAreaSetting(
  db: Conn,
  row: { area: string; closingTime: string },
) {
  db.insert(areaSettings)
    .values(row)
    .onConflictDoUpdate({
      target: areaSettings.area,
      set: { closingTime: row.closingTime },
    })
    .run();
}

export function deleteAreaSetting(db: Conn, area: string) {
  db.delete(areaSettings).where(eq(areaSettings.area, area)).run();
}
