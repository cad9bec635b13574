// Factories the report tests need beyond test/support/factories.ts:
// machine sessions and decision-log rows.
import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db/client";
import { decisions, machineSessions } from "../../src/db/schema";
import { dayStart } from "../../src/reports/choices";

type SessionRow = typeof machineSessions.$inferInsert;
type DecisionRow = typeof decisions.$inferInsert;

/** A local instant: "2026-11-20" at "14:30". */
export function at(day: string, time = "12:00"): Date {
  const [h, m] = time.split(":").map(Number);
  return new Date(dayStart(day) + (h! * 60 + m!) * 60_000);
}

/** A finished session of `minutes` on a machine. */
export function makeSession(
  db: Db,
  row: Omit<SessionRow, "id" | "endedAt"> & { minutes?: number | null },
) {
  const { minutes = 60, ...rest } = row;
  const endedAt =
    minutes === null
      ? null
      : new Date(rest.startedAt.getTime() + minutes * 60_000);
  return db
    .insert(machineSessions)
    .values({
      id: randomUUID(),
      endedAt,
      endKind: endedAt ? "scan" : null,
      ...rest,
    })
    .returning()
    .get();
}

/** Many one-minute sessions in one statement, a minute apart. */
export function makeSessions(
  db: Db,
  row: { machineId: number; studentId: number; from: Date; count: number },
) {
  const values = Array.from({ length: row.count }, (_, i) => {
    const startedAt = new Date(row.from.getTime() + i * 60_000);
    return {
      id: randomUUID(),
      machineId: row.machineId,
      studentId: row.studentId,
      startedAt,
      endedAt: new Date(startedAt.getTime() + 60_000),
      endKind: "scan" as const,
    };
  });
  db.insert(machineSessions).values(values).run();
}

/** A decision-log row; a denied check unless told otherwise. */
export function makeDecision(db: Db, row: Partial<DecisionRow> & { at: Date }) {
  return db
    .insert(decisions)
    .values({
      action: "check",
      granted: false,
      reasonCodes: [],
      credentialKind: "token",
      ...row,
    })
    .returning()
    .get();
}

/** Reads a CSV response: its bytes as text, BOM kept. */
export async function csvText(res: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(
    await res.arrayBuffer(),
  );
}
