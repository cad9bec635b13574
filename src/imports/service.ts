import type { z } from "zod";
import { invalidateCatalog } from "../clearance/service";
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Actor } from "../lib/actor";
import { today } from "../lib/dates";
import { readCsv, type CsvRow, type ImportError } from "./csv";
import { planAwards } from "./awards";
import { planBadges } from "./badges";
import { planMachines } from "./machines";
import type { Conn, Parsed, Plan, PlanContext } from "./plan";
import {
  AwardRowSchema,
  BadgeRowSchema,
  COLUMNS,
  MachineRowSchema,
  StudentRowSchema,
  type ImportKind,
} from "./schemas";
import { planStudents } from "./students";

export type ImportCounts = {
  created: number;
  updated: number;
  unchanged: number;
};

export type ImportResult =
  | { ok: true; dryRun: boolean; counts: ImportCounts }
  | { ok: false; errors: ImportError[] };

export type ImportOptions = { dryRun?: boolean; today?: string };

type Planner = (rows: CsvRow[]) => {
  errors: ImportError[];
  plan: (conn: Conn, ctx: PlanContext) => Plan;
};

// Each kind: its row schema, then its planner over the rows that passed.
function planner<Row>(
  schema: z.ZodType<Row, Record<string, string>>,
  plan: (conn: Conn, rows: Parsed<Row>[], ctx: PlanContext) => Plan,
): Planner {
  return (rows) => {
    const parsed: Parsed<Row>[] = [];
    const errors: ImportError[] = [];
    for (const { line, values } of rows) {
      const result = schema.safeParse(values);
      if (result.success) {
        parsed.push({ line, row: result.data });
        continue;
      }
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? "row");
        errors.push({ line, column, message: issue.message });
      }
    }
    return { errors, plan: (conn, ctx) => plan(conn, parsed, ctx) };
  };
}

const PLANNERS: Record<ImportKind, Planner> = {
  badges: planner(BadgeRowSchema, planBadges),
  machines: planner(MachineRowSchema, planMachines),
  students: planner(StudentRowSchema, planStudents),
  awards: planner(AwardRowSchema, planAwards),
};

/** Imports one CSV file: every row valid and written together, or nothing. */
export function importCsv(
  db: Db,
  config: Config,
  actor: Actor,
  kind: ImportKind,
  text: string,
  opts: ImportOptions = {},
): ImportResult {
  const { rows, errors } = readCsv(text, COLUMNS[kind]);
  if (errors.length > 0) return { ok: false, errors };

  return importRows(db, config, actor, kind, rows, opts);
}

/**
 * Imports rows of one kind (from a file or the demo) in one transaction,
 * with an audit row per record created or updated.
 */
export function importRows(
  db: Db,
  config: Config,
  actor: Actor,
  kind: ImportKind,
  rows: CsvRow[],
  opts: ImportOptions = {},
): ImportResult {
  const checked = PLANNERS[kind](rows);
  const ctx = { today: opts.today ?? today() };

  // Every row is checked against the database too, so that one run lists
  // every error; reading happens in the transaction that writes.
  const run = (conn: Conn, write: (plan: Plan) => void): ImportResult => {
    const plan = checked.plan(conn, ctx);
    const errors = [...checked.errors, ...plan.errors];
    if (errors.length > 0) return { ok: false, errors: byLine(errors) };
    write(plan);
    return { ok: true, dryRun: !!opts.dryRun, counts: countOf(plan) };
  };

  if (opts.dryRun) return run(db, () => {});
  const result = db.transaction((tx) =>
    run(tx, (plan) => {
      for (const change of plan.changes) {
        if (change.action !== "unchanged") change.write(tx, { actor, config });
      }
    }),
  );
  if (result.ok && isCatalog(kind) && hasWrites(result.counts)) {
    invalidateCatalog(db);
  }
  return result;
}

const isCatalog = (kind: ImportKind) =>
  kind === "badges" || kind === "machines";

const hasWrites = (c: ImportCounts) => c.created + c.updated > 0;

function countOf(plan: Plan): ImportCounts {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const change of plan.changes) {
    if (change.action === "create") counts.created += 1;
    else if (change.action === "update") counts.updated += 1;
    else counts.unchanged += 1;
  }
  return counts;
}

// Messages read after "line N: column: ", so they start in lower case.
const byLine = (errors: ImportError[]) =>
  errors
    .map((e) => ({ ...e, message: lowerFirst(e.message) }))
    .sort((a, b) => a.line - b.line);

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** `line N: column: what is wrong`, the way the CLI prints an error. */
export function formatImportError(e: ImportError): string {
  return `line ${e.line}: ${e.column}: ${e.message}`;
}
