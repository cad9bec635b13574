// The staff occupancy board: every machine with who is on it, full names.
import type { Db } from "../db/client";
import type { Actor } from "../lib/actor";
import { endSession, listOccupancy } from "../sessions/service";
import { fullName, toMachines } from "./answers";
import { listAreas } from "./service";

/** The staff occupancy board: machines of one area (or all), full names. */
export function occupancyBoard(db: Db, area: string | null) {
  const filter = area ? { area } : {};
  return {
    areas: listAreas(db),
    machines: toMachines(listOccupancy(db, filter), fullName),
  };
}

/** Staff end a session from the board. */
export function endBoardSession(db: Db, actor: Actor, sessionId: string) {
  endSession(db, actor, sessionId);
}
