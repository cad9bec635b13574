import { and, desc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { decisions } from "../db/schema";
import { preparedOn } from "../lib/prepared";

type Tx = Pick<Db, "select" | "insert">;
export type DecisionRow = typeof decisions.$inferInsert;

// One row per scan and per API call: prepared once per connection.
const insertDecisionRow = preparedOn((db: Tx) =>
  db
    .insert(decisions)
    .values({
      at: sql.placeholder("at"),
      deviceId: sql.placeholder("deviceId"),
      userId: sql.placeholder("userId"),
      machineId: sql.placeholder("machineId"),
      studentId: sql.placeholder("studentId"),
      action: sql.placeholder("action"),
      granted: sql.placeholder("granted"),
      reasonCodes: sql.placeholder("reasonCodes"),
      credentialKind: sql.placeholder("credentialKind"),
      credentialHash: sql.placeholder("credentialHash"),
    })
    .prepare(),
);

export function insertDecision(db: Tx, row: DecisionRow): void {
  insertDecisionRow(db).run({
    deviceId: null,
    userId: null,
    machineId: null,
    studentId: null,
    credentialHash: null,
    ...row,
  });
}

// A card is the student when known, else the short hash of what was read.
const latestAtMachine = preparedOn((db: Tx) =>
  db
    .select({ id: decisions.id, at: decisions.at })
    .from(decisions)
    .where(
      and(
        gt(decisions.at, sql.placeholder("after")),
        lte(decisions.at, sql.placeholder("until")),
        eq(decisions.machineId, sql.placeholder("machineId")),
        inArray(decisions.action, ["sign-in", "sign-out"]),
        or(
          eq(decisions.studentId, sql.placeholder("studentId")),
          eq(decisions.credentialHash, sql.placeholder("credentialHash")),
        ),
      ),
    )
    .orderBy(desc(decisions.at))
    .limit(1)
    .prepare(),
);

/** The latest scan at a machine of one card or student in a window. */
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
  // placeholders in a where clause skip the column's Date encoding
  const after = where.after.getTime();
  const until = where.until.getTime();
  return latestAtMachine(db).get({ ...where, after, until }) ?? null;
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
