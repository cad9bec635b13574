import type { Role } from "../db/schema";
import { ForbiddenError } from "./errors";

/** Who is acting: a signed-in staff member, a paired device, or the CLI. */
export type Actor =
  | { kind: "user"; id: number; role: Role; name: string }
  | {
      kind: "device";
      id: number;
      machineId: number | null;
      area: string | null;
    }
  | { kind: "cli" }
  | { kind: "system" };

const RANK: Record<Role, number> = { staff: 1, supervisor: 2, admin: 3 };

/** True when the actor is staff with at least the given role (CLI: always). */
export function hasRole(actor: Actor, role: Role): boolean {
  if (actor.kind === "cli" || actor.kind === "system") return true;
  if (actor.kind !== "user") return false;
  return RANK[actor.role] >= RANK[role];
}

/** Refuses (403, with this message) an actor below the given role. */
export function requireRole(actor: Actor, role: Role, message: string): void {
  if (!hasRole(actor, role)) throw new ForbiddenError(message);
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}
