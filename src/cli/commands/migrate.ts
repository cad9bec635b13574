import { noArgs, type Command } from "../command";

/** `migrate`: opening the database applies any pending migration. */
export const migrateCommand: Command = {
  name: "migrate",
  summary: "Create the database or bring it up to date",
  usage: "",
  run(args, io) {
    noArgs(args, migrateCommand);

    io.db();

    const path = io.config().databasePath;
    io.stdout.write(`The database at ${path} is up to date.\n`);
  },
};
