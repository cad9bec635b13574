import { addUser } from "../auth/service";
import type { Db } from "../db/client";
import type { Role } from "../db/schema";
import { requireRole, type Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { ConflictError, InvalidError, NotFoundError } from "../lib/errors";
import * as q from "./queries";
import type { NewUser } from "./schemas";

const ADMINS_ONLY = "Only admins manage staff accounts";

/** Every staff account, without password hashes (admins). */
export function listStaffUsers(db: Db, actor: Actor): q.UserRow[] {
  requireRole(actor, "admin", ADMINS_ONLY);
  return q.listUsers(db);
}

/** Creates a staff account with its first password (admins). */
export async function createStaffUser(db: Db, actor: Actor, input: NewUser) {
  requireRole(actor, "admin", ADMINS_ONLY);
  try {
    return await addUser(db, actor, input);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    throw new InvalidError(err.message, { email: err.message });
  }
}

/** Gives a user another role; nobody changes their own. */
export function changeUserRole(db: Db, actor: Actor, id: number, role: Role) {
  requireRole(actor, "admin", ADMINS_ONLY);
  const before = findUser(db, id);
  refuseSelf(actor, id, "You cannot change your own role.");
  if (before.role === role) return;

  db.transaction((tx) => {
    q.updateUser(tx, id, { role });
    writeAudit(tx, actor, {
      action: "user.role",
      entityType: "user",
      entityId: id,
      before: { role: before.role },
      after: { role },
    });
  });
}

/** Stops a user signing in and ends their sessions; never oneself. */
export function deactivateUser(db: Db, actor: Actor, id: number) {
  setActive(db, actor, id, false);
}

/** Lets a deactivated user sign in again. */
export function activateUser(db: Db, actor: Actor, id: number) {
  setActive(db, actor, id, true);
}

function setActive(db: Db, actor: Actor, id: number, active: boolean) {
  requireRole(actor, "admin", ADMINS_ONLY);
  const before = findUser(db, id);
  refuseSelf(actor, id, "You cannot deactivate yourself.");
  if (before.active === active) return;

  db.transaction((tx) => {
    q.updateUser(tx, id, { active });
    if (!active) q.deleteUserSessions(tx, id);
    writeAudit(tx, actor, {
      action: active ? "user.activate" : "user.deactivate",
      entityType: "user",
      entityId: id,
      before: { active: before.active },
      after: { active },
    });
  });
}

function findUser(db: Db, id: number) {
  const user = q.findUserById(db, id);
  if (!user) throw new NotFoundError("There is no such user.");
  return user;
}

// An admin who demotes or locks out themselves may leave nobody in charge.
function refuseSelf(actor: Actor, id: number, message: string) {
  if (actor.kind === "user" && actor.id === id) {
    throw new InvalidError(message, { _form: message });
  }
}
