// One process of the cross-process race test: opens the SQLite file on its
// own connection, says "ready", waits for "go", then signs in its students.
import { testConfig } from "../../src/config";
import { openDb } from "../../src/db/client";
import { startSession } from "../../src/sessions/service";

const [dbPath, machineCode, ...cards] = process.argv.slice(2);
const db = openDb(dbPath!);
const config = testConfig();

process.stdout.write("ready\n");
process.stdin.once("data", () => {
  const results = cards.map((card) => {
    const out = startSession(
      db,
      config,
      { kind: "system" },
      {
        machineCode: machineCode!,
        scanned: card,
      },
    );
    return out.result === "signed-in" ? "in" : out.reasons[0]?.code;
  });
  process.stdout.write(JSON.stringify(results) + "\n");
  db.$client.close();
  process.exit(0);
});
