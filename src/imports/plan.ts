// What an import intends to do, decided before anything is written: one
// change per row, or the errors that stop the whole file.
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import type { Day } from "../lib/dates";
import type { ImportError } from "./csv";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Conn = Pick<Db, "select" | "insert" | "update">;

export type WriteContext = { actor: Actor; config: Config };

export type Change =
  | { action: "unchanged" }
  | { action: "create" | "update"; write: (tx: Tx, ctx: WriteContext) => void };

export type Plan = { errors: ImportError[]; changes: Change[] };

/** A row that passed its zod schema, with the line it came from. */
export type Parsed<Row> = { line: number; row: Row };

export type PlanContext = { today: Day };

/**
 * The fields of `next` (undefined means "keep") that differ from
 * `current`, as before/after objects for the audit row; null if none.
 */
export function diff<T extends object>(
  current: T,
  next: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    const value = next[key];
    if (value === undefined || value === current[key]) continue;
    before[key] = current[key];
    after[key] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}

/**
 * The change that brings a record to `next`: unchanged when no field
 * differs, else an update of the changed fields with its audit row.
 */
export function updateChange<T extends { id: number }>(
  entityType: "badge" | "machine" | "student" | "award",
  current: T,
  next: Partial<T>,
  update: (tx: Tx, id: number, after: Partial<T>) => void,
): Change {
  const change = diff(current, next);
  if (!change) return { action: "unchanged" };

  return {
    action: "update",
    write: (tx, { actor }) => {
      update(tx, current.id, change.after);
      writeAudit(tx, actor, {
        action: `${entityType}.update`,
        entityType,
        entityId: current.id,
        ...change,
      });
    },
  };
}

/** Errors for rows whose key repeats an earlier row of the same file. */
export function findRepeats<Row>(
  rows: Parsed<Row>[],
  column: string,
  keyOf: (row: Row) => string,
): ImportError[] {
  const firstLine = new Map<string, number>();
  const errors: ImportError[] = [];
  for (const { line, row } of rows) {
    const key = keyOf(row);
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    else errors.push({ line, column, message: `repeats line ${first}` });
  }
  return errors;
}

/** Drops undefined values, so a partial update keeps what is there. */
export function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
