// The machines and areas the report filters offer, and the checks that a
// typed code or area exists (a URL can carry anything).
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { machines } from "../db/schema";
import { InvalidError } from "../lib/errors";

export type MachineChoice = {
  id: number;
  code: string;
  name: string;
  area: string;
};

export function listMachineChoices(db: Db): MachineChoice[] {
  return db
    .select({
      id: machines.id,
      code: machines.code,
      name: machines.name,
      area: machines.area,
    })
    .from(machines)
    .orderBy(asc(machines.code))
    .all();
}

export function listAreas(choices: MachineChoice[]): string[] {
  return [...new Set(choices.map((m) => m.area))].sort();
}

/** The machine with this code, or a message under the "machine" field. */
export function requireMachineCode(db: Db, code: string): MachineChoice {
  const row = db
    .select({
      id: machines.id,
      code: machines.code,
      name: machines.name,
      area: machines.area,
    })
    .from(machines)
    .where(sql`lower(${machines.code}) = lower(${code})`)
    .get();
  if (!row) {
    const message = `No machine has the code ${code}`;
    throw new InvalidError(message, { machine: message });
  }
  return row;
}

/** The machines of an area, or a message under the "area" field. */
export function requireArea(db: Db, area: string): MachineChoice[] {
  const rows = db
    .select({
      id: machines.id,
      code: machines.code,
      name: machines.name,
      area: machines.area,
    })
    .from(machines)
    .where(eq(machines.area, area))
    .orderBy(asc(machines.code))
    .all();
  if (rows.length === 0) {
    const message = `No machine is in the area "${area}"`;
    throw new InvalidError(message, { area: message });
  }
  return rows;
}

/** Local midnight at the start of a "YYYY-MM-DD" day, in epoch ms. */
export function dayStart(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}
