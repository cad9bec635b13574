import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { authSessions, users, type Role } from "../db/schema";

type Conn = Pick<Db, "select" | "update" | "delete">;

// Never select password_hash here: these rows reach pages and audit rows.
const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
};

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
};

export function listUsers(db: Conn): UserRow[] {
  return db
    .select(columns)
    .from(users)
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

export function findUserById(db: Conn, id: number): UserRow | null {
  return db.select(columns).from(users).where(eq(users.id, id)).get() ?? null;
}

export function findUsersByIds(db: Conn, ids: number[]): UserRow[] {
  if (ids.length === 0) return [];
  return db.select(columns).from(users).where(inArray(users.id, ids)).all();
}

/** Active supervisors and admins: the staff who may sign badges off. */
export function listAssessorCandidates(db: Conn): UserRow[] {
  return db
    .select(columns)
    .from(users)
    .where(
      and(inArray(users.role, ["supervisor", "admin"]), eq(users.active, true)),
    )
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

export function updateUser(
  db: Conn,
  id: number,
  set: { role?: Role; active?: boolean },
) {
  db.update(users).set(set).where(eq(users.id, id)).run();
}

/** Signs a user out everywhere (sessions are not history). */
export function deleteUserSessions(db: Conn, userId: number) {
  db.delete(authSessions).where(eq(authSessions.userId, userId)).run();
}
