import { z } from "zod";
import { RegisterDeviceSchema } from "../../devices/schemas";
import { registerDevice } from "../../devices/service";
import { InvalidError } from "../../lib/errors";
import { CliError, parseCommand, usageOf, type Command } from "../command";

const DeviceAddArgsSchema = z.object({
  args: z.array(z.string()).max(0, "takes no positional arguments"),
  name: z.string({ error: "--name is required" }),
  kind: z.string({ error: "--kind is required (kiosk or interlock)" }),
  area: z.string().optional(),
  machine: z.string().optional(),
});

/** `device:add`: registers a kiosk or interlock and prints its secret. */
export const deviceAddCommand: Command = {
  name: "device:add",
  summary: "Register a kiosk or interlock; prints its secret once",
  usage: "--name NAME --kind kiosk|interlock [--area AREA] [--machine CODE]",
  run(argv, io) {
    const flags = parseCommand(
      deviceAddCommand,
      argv,
      {
        name: { type: "string" },
        kind: { type: "string" },
        area: { type: "string" },
        machine: { type: "string" },
      },
      DeviceAddArgsSchema,
    );
    const parsed = RegisterDeviceSchema.safeParse({
      ...flags,
      machineCode: flags.machine,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const flag = issue.path[0] === "machineCode" ? "machine" : issue.path[0];
      throw new CliError(
        `--${String(flag)}: ${issue.message}`,
        usageOf(deviceAddCommand),
      );
    }

    const config = io.config();
    let device;
    try {
      device = registerDevice(io.db(), { kind: "cli" }, parsed.data);
    } catch (error) {
      if (!(error instanceof InvalidError)) throw error;
      const detail = Object.values(error.fields)[0] ?? error.message;
      throw new CliError(detail, usageOf(deviceAddCommand));
    }

    const { kind, name } = parsed.data;
    io.stdout.write(`Registered ${kind} "${name}" (device ${device.id}).\n`);
    io.stdout.write(
      kind === "kiosk"
        ? `Pair it by opening ${config.publicUrl}/kiosk/pair?secret=SECRET.\n`
        : "It sends Authorization: Bearer SECRET to /api/v1.\n",
    );
    io.stdout.write("The secret, shown only this once:\n");
    io.stdout.write(`${device.secret}\n`);
  },
};
