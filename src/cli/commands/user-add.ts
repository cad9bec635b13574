import { z } from "zod";
import { addUser } from "../../auth/service";
import { ROLES } from "../../db/schema";
import {
  CliError,
  parseCommand,
  readSecretLine,
  type Command,
} from "../command";

const UserAddSchema = z.object({
  args: z.array(z.string()).max(0, "takes no arguments"),
  email: z.email({ error: "--email must be an email address" }),
  name: z
    .string({ error: "--name is required" })
    .trim()
    .min(1, "--name must not be empty")
    .max(100, "--name must be under 100 characters"),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(", ")}` }),
});

const PasswordSchema = z
  .string()
  .min(10, "The password must be at least 10 characters long");

/** `user:add`: a staff account; the password is one line on stdin. */
export const userAddCommand: Command = {
  name: "user:add",
  summary:
    "Add a staff account; the password is read as one line from standard input",
  usage: "--email E --name N --role staff|supervisor|admin",
  async run(args, io) {
    const input = parseCommand(
      userAddCommand,
      args,
      {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
      },
      UserAddSchema,
    );
    const line = await readSecretLine(io, "Password: ");
    if (line === null) {
      throw new CliError("Give the password as one line on standard input");
    }
    const password = PasswordSchema.safeParse(line);
    if (!password.success)
      throw new CliError(password.error.issues[0]!.message);

    const user = await addUser(
      io.db(),
      { kind: "cli" },
      { ...input, password: password.data },
    );

    io.stdout.write(
      `Added ${input.role} ${input.email.toLowerCase()} (user ${user.id}).\n`,
    );
  },
};
