import { z } from "zod";
import {
  clearStudent,
  clearStudentForMachine,
  loadCatalog,
} from "../../clearance/service";
import type { Clearance, MachineInfo } from "../../clearance/types";
import type { Db } from "../../db/client";
import { isDay, today } from "../../lib/dates";
import { NotFoundError } from "../../lib/errors";
import { parseCommand, type Command } from "../command";
import { findStudentIdByNumber } from "../../students/queries";

const CheckArgsSchema = z.object({
  args: z
    .array(z.string().trim().min(1))
    .min(1, "give a student number")
    .max(2, "give a student number and at most one machine code"),
  at: z
    .string()
    .refine(isDay, "--at must be a date written YYYY-MM-DD")
    .optional(),
  json: z.boolean().default(false),
});

type Row = { machine: MachineInfo; clearance: Clearance };

/** `check`: may this student use this machine (or every machine) on a day. */
export const checkCommand: Command = {
  name: "check",
  summary: "Show a student's clearance for one machine or every machine",
  usage: "STUDENT_NUMBER [MACHINE_CODE] [--at YYYY-MM-DD] [--json]",
  run(argv, io) {
    const input = parseCommand(
      checkCommand,
      argv,
      { at: { type: "string" }, json: { type: "boolean" } },
      CheckArgsSchema,
    );
    const [number, code] = input.args as [string, string?];
    const at = input.at ?? today();

    const rows = clearances(io.db(), number, code, at);

    const output = input.json
      ? JSON.stringify(toJson(number, at, rows))
      : toTable(number, at, rows);
    io.stdout.write(`${output}\n`);
  },
};

function clearances(
  db: Db,
  number: string,
  code: string | undefined,
  at: string,
): Row[] {
  const studentId = findStudentIdByNumber(db, number);
  if (studentId === null) {
    throw new NotFoundError(`There is no student with number ${number}.`);
  }
  if (code === undefined) {
    const { input, clearances } = clearStudent(db, studentId, at);
    return input.machines.map((machine, i) => ({
      machine,
      clearance: clearances[i]!,
    }));
  }

  const machine = loadCatalog(db).machines.find(
    (m) => m.code === code.toUpperCase(),
  );
  if (!machine) {
    throw new NotFoundError(`There is no machine with code ${code}.`);
  }
  const clearance = clearStudentForMachine(db, studentId, machine.id, at);
  return [{ machine, clearance }];
}

function toJson(student: string, at: string, rows: Row[]) {
  return {
    student,
    at,
    machines: rows.map(({ machine, clearance }) => ({
      machine: machine.code,
      cleared: clearance.cleared,
      reasons: clearance.reasons.map((r) => ({
        code: r.code,
        badge: r.badge,
        message: r.message,
      })),
    })),
  };
}

function toTable(student: string, at: string, rows: Row[]): string {
  const cleared = rows.filter((r) => r.clearance.cleared).length;
  const title = `${student} on ${at}: cleared for ${cleared} of ${rows.length} machines`;
  const table = [
    ["MACHINE", "AREA", "CLEARED", "WHY NOT"],
    ...rows.flatMap(({ machine, clearance }) => {
      const [first = "", ...more] = clearance.reasons.map((r) => r.message);
      return [
        [machine.code, machine.area, clearance.cleared ? "yes" : "no", first],
        ...more.map((reason) => ["", "", "", reason]),
      ];
    }),
  ];
  const widths = [0, 1, 2].map((col) =>
    Math.max(...table.map((cells) => cells[col]!.length)),
  );
  const lines = table.map((cells) =>
    cells
      .map((cell, col) => (col < 3 ? cell.padEnd(widths[col]!) : cell))
      .join("  ")
      .trimEnd(),
  );
  return [title, "", ...lines].join("\n");
}
