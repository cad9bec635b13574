import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { authSessions, users } from "../db/schema";

export function findUserByEmail(db: Db, email: string) {
  return (
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        passwordHash: users.passwordHash,
        active: users.active,
      })
      .from(users)
      .where(eq(users.email, email.toLowerCase()))
      .get() ?? null
  );
}

export function findSessionUser(db: Db, idHash: string, now: Date) {
  return (
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
      })
      .from(authSessions)
      .innerJoin(users, eq(users.id, authSessions.userId))
      .where(
        and(
          eq(authSessions.idHash, idHash),
          gt(authSessions.expiresAt, now),
          eq(users.active, true),
        ),
      )
      .get() ?? null
  );
}

export function insertSession(
  db: Pick<Db, "insert">,
  row: { idHash: string; userId: number; expiresAt: Date },
) {
  db.insert(authSessions).values(row).run();
}

export function deleteSession(db: Pick<Db, "delete">, idHash: string) {
  db.delete(authSessions).where(eq(authSessions.idHash, idHash)).run();
}

export function deleteExpiredSessions(db: Pick<Db, "delete">, now: Date) {
  db.delete(authSessions).where(lt(authSessions.expiresAt, now)).run();
}
