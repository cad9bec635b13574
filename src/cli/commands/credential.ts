import { z } from "zod";
import {
  credentialUrl,
  currentCredentialToken,
  replaceCredential,
} from "../../credentials/service";
import { NotFoundError } from "../../lib/errors";
import { parseCommand, type Command } from "../command";
import { findStudentIdByNumber } from "../../students/queries";

const CredentialArgsSchema = z.object({
  args: z.array(z.string().trim().min(1)).length(1, "give one student number"),
  replace: z.boolean().default(false),
});

/** `credential`: the URL on a student's QR card; --replace for a lost card. */
export const credentialCommand: Command = {
  name: "credential",
  summary: "Print a student's QR card URL (--replace: a lost card)",
  usage: "STUDENT_NUMBER [--replace]",
  run(argv, io) {
    const input = parseCommand(
      credentialCommand,
      argv,
      { replace: { type: "boolean" } },
      CredentialArgsSchema,
    );
    const number = input.args[0]!;
    const db = io.db();
    const config = io.config();
    const studentId = findStudentIdByNumber(db, number);
    if (studentId === null) {
      throw new NotFoundError(`There is no student with number ${number}.`);
    }

    const token = input.replace
      ? replaceCredential(db, config, { kind: "cli" }, studentId)
      : currentCredentialToken(db, config, studentId);

    if (input.replace) {
      io.stdout.write(`Replaced ${number}'s card: the old one fails now.\n`);
    }
    io.stdout.write(`QR payload for ${number}:\n`);
    io.stdout.write(`${credentialUrl(config, token)}\n`);
  },
};
