import { loadDemo } from "../../demo/service";
import { noArgs, type Command } from "../command";

/** `demo`: a realistic demo shop; running it again changes nothing. */
export const demoCommand: Command = {
  name: "demo",
  summary: "Load a demo shop (badges, machines, 300 students, awards, holds)",
  usage: "",
  async run(args, io) {
    noArgs(args, demoCommand);

    const demo = await loadDemo(io.db(), io.config());

    const lines = Object.entries(demo.imports).map(
      ([kind, c]) =>
        `  ${kind.padEnd(9)} ${c.created} created, ${c.updated} updated, ` +
        `${c.unchanged} unchanged`,
    );
    io.stdout.write(
      [
        `Demo shop loaded (dates count from ${demo.start}).`,
        ...lines,
        `  revoked   ${demo.revoked} awards`,
        `  holds     ${demo.holds} placed`,
        "",
        `Demo admin ${demo.admin.created ? "created" : "already there"}:`,
        `  email     ${demo.admin.email}`,
        `  password  ${demo.admin.password}` +
          (demo.admin.created ? "" : " (unless changed since)"),
        "",
      ].join("\n"),
    );
  },
};
