import type { Db } from "../db/client";
import { users, type Role } from "../db/schema";
import type { Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { ConflictError } from "../lib/errors";
import type { StaffUser } from "../lib/env";
import { randomToken, sha256 } from "../lib/tokens";
import { hashPassword, verifyPassword } from "./password";
import * as q from "./queries";

const SESSION_DAYS = 14;

/** Checks an email and password; returns a new session cookie value or null. */
export async function logIn(
  db: Db,
  email: string,
  password: string,
): Promise<{ sessionId: string; user: StaffUser } | null> {
  const row = q.findUserByEmail(db, email);
  const ok = row?.active
    ? await verifyPassword(password, row.passwordHash)
    : false;
  if (!row || !ok) return null;

  const sessionId = randomToken();
  const now = new Date();
  db.transaction((tx) => {
    q.deleteExpiredSessions(tx, now);
    q.insertSession(tx, {
      idHash: sha256(sessionId),
      userId: row.id,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    });
  });
  const { id, name, role } = row;
  return { sessionId, user: { id, name, email: row.email, role } };
}

/** Ends a staff session. */
export function logOut(db: Db, sessionId: string): void {
  q.deleteSession(db, sha256(sessionId));
}

export function findSessionUser(db: Db, sessionId: string) {
  return q.findSessionUser(db, sha256(sessionId), new Date());
}

/** Creates a staff account (admin pages and the CLI). */
export async function addUser(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; role: Role; password: string },
): Promise<{ id: number }> {
  const email = input.email.toLowerCase();
  if (q.findUserByEmail(db, email)) {
    throw new ConflictError(`A user with email ${email} already exists`);
  }
  const passwordHash = await hashPassword(input.password);

  return db.transaction((tx) => {
    const row = tx
      .insert(users)
      .values({ email, name: input.name, role: input.role, passwordHash })
      .returning({ id: users.id })
      .get();
    writeAudit(tx, actor, {
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      after: { email, name: input.name, role: input.role },
    });
    return row;
  });
}
