import { and, desc, eq, gt, lte, or, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { decisions } from "../db/schema";

type Tx = Pick<Db, "select" | "insert">;
export type DecisionRow = typeof decisions.$inferInsert;

export function insertDecision(db: Tx, row: DecisionRow): void {
  db.insert(decisions).values(row).run();
}

/** The latest decision at a machine for one card or student in a window. */
export function findLatestAtMachine(
  db: Tx,
  where: {
    machineId: number;
    studentId: number | null;
    credentialHash: string | null;
    after: Date;
    until: Date;
  },
) {
  const who: SQL[] = [];
  if (where.studentId) who.push(eq(decisions.studentId, where.studentId));
  if (where.credentialHash) {
    who.push(eq(decisions.credentialHash, where.credentialHash));
  }
  return (
    db
      .select({ id: decisions.id, at: decisions.at })
      .from(decisions)
      .where(
        and(
          gt(decisions.at, where.after),
          lte(decisions.at, where.until),
          eq(decisions.machineId, where.machineId),
          or(...who),
        ),
      )
      .orderBy(desc(decisions.at))
      .limit(1)
      .get() ?? null
  );
}

/** The latest scan of a student by one device or staff member since then. */
export function findLatestScanOf(
  db: Tx,
  where: {
    studentId: number;
    deviceId: number | null;
    userId: number | null;
    after: Date;
  },
) {
  const by = where.deviceId
    ? eq(decisions.deviceId, where.deviceId)
    : eq(decisions.userId, where.userId ?? -1);
  return (
    db
      .select({
        id: decisions.id,
        at: decisions.at,
        credentialKind: decisions.credentialKind,
      })
      .from(decisions)
      .where(
        and(
          eq(decisions.studentId, where.studentId),
          gt(decisions.at, where.after),
          by,
        ),
      )
      .orderBy(desc(decisions.at))
      .limit(1)
      .get() ?? null
  );
}

export function listDecisions(db: Tx, limit: number) {
  return db
    .select()
    .from(decisions)
    .orderBy(desc(decisions.at), desc(decisions.id))
    .limit(limit)
    .all();
}
