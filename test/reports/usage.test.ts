import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, signIn } from "../support/app";
import { makeMachine, makeStudent } from "../support/factories";
import { at, csvText, makeSession, makeSessions } from "./support";

describe("usage report", () => {
  it("lists the sessions of the last 30 days with totals per machine and student", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const lathe = makeMachine(t.db, { code: "LATHE-01", name: "Big lathe" });
    const mill = makeMachine(t.db, { code: "MILL-01", name: "Mill" });
    const ada = makeStudent(t.db, { firstName: "Ada", lastName: "Lovelace" });
    const day = addDays(today(), -3);
    makeSession(t.db, {
      machineId: lathe.id,
      studentId: ada.id,
      startedAt: at(day, "09:15"),
      minutes: 90,
    });
    makeSession(t.db, {
      machineId: mill.id,
      studentId: ada.id,
      startedAt: at(day, "14:00"),
      minutes: 30,
    });
    makeSession(t.db, {
      machineId: mill.id,
      studentId: ada.id,
      startedAt: at(addDays(today(), -40), "10:00"),
    });

    const res = await boss.get("/reports/usage");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Machine usage");
    expect(html).toContain(`${addDays(today(), -29)} to ${today()}`);
    expect(html).toContain("LATHE-01");
    expect(html).toContain("Lovelace, Ada");
    expect(html).toMatch(/<dt>Sessions<\/dt><dd>2<\/dd>/);
  });

  it("keeps a bad date under its field and does not run the report", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/usage?from=2026-02-31&to=yesterday");

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter a date as YYYY-MM-DD");
    expect(html).toContain('value="yesterday"');
    expect(html).toContain("Fix the filters above to run the report.");
  });

  it("streams every session as CSV with a BOM and a dated file name", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const lathe = makeMachine(t.db, {
      code: "LATHE-01",
      name: "=HYPERLINK(1)",
    });
    const ada = makeStudent(t.db, {
      firstName: 'Ada "A", B',
      lastName: "-Lovelace\nX",
    });
    makeSessions(t.db, {
      machineId: lathe.id,
      studentId: ada.id,
      from: at("2026-01-01"),
      count: 2500,
    });

    const res = await boss.get(
      "/reports/usage?from=2025-12-01&to=2026-02-01&format=csv",
    );

    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="usage-${today()}.csv"`,
    );
    const text = await csvText(res);
    expect(text.startsWith("\uFEFFstarted,ended,minutes")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(2500);
    expect(rows[0]!.machine_name).toBe("'=HYPERLINK(1)");
    expect(rows[0]!.first_name).toBe('Ada "A", B');
    expect(rows[0]!.last_name).toBe("'-Lovelace\nX");
  });

  it("answers a CSV request with bad filters with the form, not a file", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/usage?from=2026-13-01&format=csv");

    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("Enter a date as YYYY-MM-DD");
  });

  it("renders only the report region for an htmx request", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/usage", { "HX-Request": "true" });

    expect(res.headers.get("vary")).toContain("HX-Request");
    const html = await res.text();
    expect(html.startsWith('<div id="report-region"')).toBe(true);
    expect(html).not.toContain("<html");
  });
});
