import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, createUser, signIn } from "../support/app";
import { makeMachine, makeStudent } from "../support/factories";
import { at, csvText, makeDecision, makeSession } from "./support";

describe("denied scans report", () => {
  it("counts denials by reason and machine and shows overrides apart", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const other = await createUser(t.db, "supervisor", {
      name: "Olga Override",
    });
    const lathe = makeMachine(t.db, { code: "LATHE-01" });
    const mill = makeMachine(t.db, { code: "MILL-01" });
    const ada = makeStudent(t.db, { lastName: "Ada" });
    const day = addDays(today(), -2);
    makeDecision(t.db, {
      at: at(day, "09:00"),
      machineId: lathe.id,
      studentId: ada.id,
      reasonCodes: ["missing", "hold"],
    });
    makeDecision(t.db, {
      at: at(day, "09:05"),
      machineId: lathe.id,
      studentId: ada.id,
      reasonCodes: ["missing"],
    });
    makeDecision(t.db, {
      at: at(day, "10:00"),
      machineId: mill.id,
      reasonCodes: ["unknown-credential"],
      credentialKind: "unknown",
    });
    makeDecision(t.db, {
      at: at(day, "11:00"),
      machineId: mill.id,
      studentId: ada.id,
      granted: true,
      action: "sign-in",
    });
    const when = at(day, "09:10");
    makeDecision(t.db, {
      at: when,
      machineId: lathe.id,
      studentId: ada.id,
      granted: true,
      action: "override",
      reasonCodes: ["missing"],
      userId: other.id,
    });
    makeSession(t.db, {
      machineId: lathe.id,
      studentId: ada.id,
      startedAt: when,
      overrideBy: other.id,
      overrideReason: "Assessed on the spot",
    });

    const res = await boss.get("/reports/denials");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<dt>Denied scans<\/dt><dd>3<\/dd>/);
    expect(html).toMatch(
      /A required badge is missing \(missing\)<\/td><td class="num">2</,
    );
    expect(html).toMatch(/A hold is in place \(hold\)<\/td><td class="num">1</);
    expect(html).toMatch(
      /MILL-01<\/td><td>Unknown card \(unknown-credential\)/,
    );
    const overrides = html.slice(html.indexOf('id="overrides"'));
    expect(overrides).toContain("Olga Override");
    expect(overrides).toContain("Assessed on the spot");
  });

  it("refuses a period that ends before it starts", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get(
      "/reports/denials?from=2026-05-10&to=2026-05-01",
    );

    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      "The end date must be on or after the start date",
    );
  });

  it("exports every denied scan of the period as CSV", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const lathe = makeMachine(t.db, { code: "LATHE-01" });
    for (let i = 0; i < 3; i += 1) {
      makeDecision(t.db, {
        at: at("2026-03-02", `09:0${i}`),
        machineId: lathe.id,
        reasonCodes: ["missing", "expired"],
      });
    }

    const res = await boss.get(
      "/reports/denials?from=2026-03-01&to=2026-03-31&format=csv",
    );

    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="denials-${today()}.csv"`,
    );
    const rows = parse(await csvText(res), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      at: "2026-03-02 09:00",
      machine: "LATHE-01",
      reasons: "missing expired",
    });
  });
});
