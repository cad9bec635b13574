import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { studentCredentials, students } from "../db/schema";
import { preparedOn } from "../lib/prepared";

type Tx = Pick<Db, "select" | "insert" | "update">;

export function findCurrentCredential(db: Tx, studentId: number) {
  return (
    db
      .select({ id: studentCredentials.id, nonce: studentCredentials.nonce })
      .from(studentCredentials)
      .where(
        and(
          eq(studentCredentials.studentId, studentId),
          isNull(studentCredentials.replacedAt),
        ),
      )
      .get() ?? null
  );
}

// Every scan looks its card up here: prepared once per connection.
const credentialByHash = preparedOn((db: Tx) =>
  db
    .select({
      id: studentCredentials.id,
      studentId: studentCredentials.studentId,
      replacedAt: studentCredentials.replacedAt,
    })
    .from(studentCredentials)
    .where(eq(studentCredentials.tokenHash, sql.placeholder("tokenHash")))
    .prepare(),
);

export function findCredentialByHash(db: Tx, tokenHash: string) {
  return credentialByHash(db).get({ tokenHash }) ?? null;
}

export function findStudentIdByNumber(db: Tx, number: string) {
  const row = db
    .select({ id: students.id })
    .from(students)
    .where(eq(students.number, number))
    .get();
  return row?.id ?? null;
}

export function insertCredential(
  db: Tx,
  row: { studentId: number; nonce: string; tokenHash: string },
) {
  return db
    .insert(studentCredentials)
    .values(row)
    .returning({ id: studentCredentials.id })
    .get();
}

export function markReplaced(db: Tx, id: number, at: Date) {
  db.update(studentCredentials)
    .set({ replacedAt: at })
    .where(eq(studentCredentials.id, id))
    .run();
}
