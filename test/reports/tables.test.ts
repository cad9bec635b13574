import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, signIn } from "../support/app";
import {
  makeAward,
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";
import { at, makeDecision, makeSession } from "./support";

// Every row of every report table has one cell per column heading.
function mismatchedTables(html: string): string[] {
  const problems: string[] = [];
  for (const table of html.split("<table").slice(1)) {
    const head = table.slice(0, table.indexOf("</thead>"));
    const columns = (head.match(/<th[ >]/g) ?? []).length;
    const body = table.slice(
      table.indexOf("<tbody>"),
      table.indexOf("</tbody>"),
    );
    for (const row of body.split("<tr").slice(1)) {
      const cells = (row.match(/<td[ >]/g) ?? []).length;
      if (cells !== columns)
        problems.push(`${columns} headings, ${cells} cells`);
    }
  }
  return problems;
}

describe("report tables", () => {
  it("have a cell under every column heading in every report", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const safety = makeBadge(t.db, {
      slug: "shop-safety",
      name: "Shop Safety",
    });
    const lathe = makeBadge(t.db, {
      slug: "lathe",
      name: "Lathe",
      track: "lathe",
    });
    const machine = makeMachine(t.db, {
      code: "LATHE-01",
      requirement: "shop-safety & lathe",
    });
    const ada = makeStudent(t.db, { number: "S1" });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: safety.id,
      expiresOn: addDays(today(), 9),
    });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: lathe.id,
      revokedAt: new Date(),
      revokeReason: "x",
    });
    const bob = makeStudent(t.db);
    makeAward(t.db, { studentId: bob.id, badgeId: safety.id });
    makeAward(t.db, { studentId: bob.id, badgeId: lathe.id });
    makeHold(t.db, { studentId: ada.id });
    makeSession(t.db, {
      machineId: machine.id,
      studentId: ada.id,
      startedAt: at(addDays(today(), -1), "10:00"),
    });
    makeDecision(t.db, {
      at: at(addDays(today(), -1), "09:00"),
      machineId: machine.id,
      studentId: ada.id,
      reasonCodes: ["missing"],
    });

    for (const path of [
      "/reports/roster?machine=LATHE-01",
      "/reports/roster?area=Machine+Shop",
      "/reports/students/S1",
      "/reports/expiring",
      "/reports/usage",
      "/reports/denials",
      "/reports/badges",
    ]) {
      const html = await (await boss.get(path)).text();

      expect(html, path).toContain("<tbody><tr");
      expect(mismatchedTables(html), path).toEqual([]);
    }
  });
});
