import { noArgs, usageOf, type Command } from "../command";

/** `help`: every command with its arguments and what it does. */
export function helpCommand(list: () => Command[]): Command {
  const help: Command = {
    name: "help",
    summary: "List the commands",
    usage: "",
    run(args, io) {
      noArgs(args, help);
      const lines = list().map((c) => `  ${usageOf(c)}\n      ${c.summary}`);
      io.stdout.write(`ShopPass commands:\n\n${lines.join("\n")}\n`);
    },
  };
  return help;
}
