import { readFileSync } from "node:fs";
import { z } from "zod";
import {
  formatImportError,
  importCsv,
  type ImportCounts,
} from "../../imports/service";
import { IMPORT_KINDS } from "../../imports/schemas";
import { CliError, parseCommand, type Command } from "../command";

const ImportArgsSchema = z.object({
  args: z
    .array(z.string())
    .length(2, "give what to import and the CSV file")
    .pipe(
      z.tuple([
        z.enum(IMPORT_KINDS, {
          error: `what to import must be one of ${IMPORT_KINDS.join(", ")}`,
        }),
        z.string(),
      ]),
    ),
  "dry-run": z.boolean().default(false),
});

/** `import`: a CSV file of badges, machines, students or awards. */
export const importCommand: Command = {
  name: "import",
  summary:
    "Import a CSV file: all rows or none; --dry-run only counts the changes",
  usage: `${IMPORT_KINDS.join("|")} FILE.csv [--dry-run]`,
  run(argv, io) {
    const input = parseCommand(
      importCommand,
      argv,
      { "dry-run": { type: "boolean" } },
      ImportArgsSchema,
    );
    const [kind, file] = input.args;
    const text = readText(file);

    const result = importCsv(
      io.db(),
      io.config(),
      { kind: "cli" },
      kind,
      text,
      { dryRun: input["dry-run"] },
    );

    if (!result.ok) {
      for (const error of result.errors) {
        io.stderr.write(`${formatImportError(error)}\n`);
      }
      const n = result.errors.length;
      io.stderr.write(
        `${n} ${n === 1 ? "error" : "errors"} in ${file}; nothing was written.\n`,
      );
      return 1;
    }
    io.stdout.write(`${summary(kind, result.counts, result.dryRun)}\n`);
  },
};

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "there is no such file" : code;
    throw new CliError(`Cannot read ${file}: ${why}`);
  }
}

function summary(kind: string, c: ImportCounts, dryRun: boolean): string {
  if (dryRun) {
    return (
      `Dry run of ${kind}, nothing written: would create ${c.created}, ` +
      `update ${c.updated}, leave ${c.unchanged} unchanged.`
    );
  }
  return (
    `Imported ${kind}: ${c.created} created, ${c.updated} updated, ` +
    `${c.unchanged} unchanged.`
  );
}
