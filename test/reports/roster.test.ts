import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, createUser, signIn } from "../support/app";
import {
  makeAward,
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";
import { buildRoster } from "../../src/reports/roster";
import { csvText } from "./support";

function lathe(t: ReturnType<typeof createTestApp>) {
  const safety = makeBadge(t.db, { slug: "shop-safety", name: "Shop Safety" });
  const intermediate = makeBadge(t.db, {
    slug: "lathe-intermediate-skills",
    name: "Lathe Intermediate Skills",
    track: "lathe",
    type: "skills",
    level: "intermediate",
  });
  const advanced = makeBadge(t.db, {
    slug: "lathe-advanced-skills",
    name: "Lathe Advanced Skills",
    track: "lathe",
    type: "skills",
    level: "advanced",
  });
  const machine = makeMachine(t.db, {
    code: "LATHE-01",
    name: "Big lathe",
    area: "Machine Shop",
    requirement: "shop-safety & lathe-intermediate-skills",
  });
  return { safety, intermediate, advanced, machine };
}

describe("machine roster", () => {
  it("lists cleared students with the awards that clear them and who is one badge away", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const assessor = await createUser(t.db, "staff", { name: "Sam Assessor" });
    const b = lathe(t);
    const ada = makeStudent(t.db, { lastName: "Ada" });
    makeAward(t.db, { studentId: ada.id, badgeId: b.safety.id });
    makeAward(t.db, {
      studentId: ada.id,
      badgeId: b.intermediate.id,
      issuedOn: "2025-03-01",
      expiresOn: addDays(today(), 100),
      assessorId: assessor.id,
    });
    const bob = makeStudent(t.db, { lastName: "Bob" });
    makeAward(t.db, { studentId: bob.id, badgeId: b.safety.id });
    makeAward(t.db, {
      studentId: bob.id,
      badgeId: b.advanced.id,
      assessorName: "Old Hand",
    });
    const cid = makeStudent(t.db, { lastName: "Cid" });
    makeAward(t.db, { studentId: cid.id, badgeId: b.safety.id });
    const dee = makeStudent(t.db, { lastName: "Dee" });
    makeAward(t.db, { studentId: dee.id, badgeId: b.safety.id });
    makeAward(t.db, {
      studentId: dee.id,
      badgeId: b.intermediate.id,
      expiresOn: "2025-08-31",
    });
    const eve = makeStudent(t.db, { lastName: "Eve" });
    makeAward(t.db, { studentId: eve.id, badgeId: b.safety.id });
    makeAward(t.db, { studentId: eve.id, badgeId: b.intermediate.id });
    makeHold(t.db, { studentId: eve.id });
    const fay = makeStudent(t.db, { lastName: "Fay", status: "inactive" });
    makeAward(t.db, { studentId: fay.id, badgeId: b.safety.id });
    makeAward(t.db, { studentId: fay.id, badgeId: b.intermediate.id });
    makeStudent(t.db, { lastName: "Gus" });

    const res = await boss.get("/reports/roster?machine=LATHE-01");

    expect(res.status).toBe(200);
    const html = await res.text();
    const [cleared, away] = html.split("One badge away");
    expect(cleared).toContain("Ada, ");
    expect(cleared).toContain("Sam Assessor");
    expect(cleared).toContain(addDays(today(), 100));
    expect(cleared).toContain("Bob, ");
    expect(cleared).toContain("Lathe Advanced Skills");
    expect(cleared).toContain("Old Hand");
    expect(away).toContain("Cid, ");
    expect(away).toContain("Lathe Intermediate Skills is missing");
    expect(away).toContain("Dee, ");
    expect(away).toContain("expired on 2025-08-31");
    for (const name of ["Eve, ", "Fay, ", "Gus, "]) {
      expect(html).not.toContain(name);
    }
  });

  it("groups an area's machines by requirement", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const b = lathe(t);
    makeMachine(t.db, {
      code: "LATHE-02",
      area: "Machine Shop",
      requirement: "shop-safety & lathe-intermediate-skills",
    });
    makeMachine(t.db, {
      code: "SAW-01",
      area: "Machine Shop",
      requirement: "shop-safety",
    });
    makeMachine(t.db, { code: "TIG-01", area: "Welding Bay" });
    const ada = makeStudent(t.db, { lastName: "Ada" });
    makeAward(t.db, { studentId: ada.id, badgeId: b.safety.id });

    const res = await boss.get("/reports/roster?area=Machine+Shop");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Machine roster: Machine Shop");
    expect(html).toMatch(/Cleared for LATHE-01 \(Big lathe\), LATHE-02/);
    expect(html).toMatch(/Cleared for SAW-01/);
    expect(html).not.toContain("TIG-01 (");
  });

  it("says a machine hold keeps a student off that machine only", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const b = lathe(t);
    const second = makeMachine(t.db, {
      code: "LATHE-02",
      area: "Machine Shop",
      requirement: "shop-safety & lathe-intermediate-skills",
    });
    const ada = makeStudent(t.db, { lastName: "Ada" });
    makeAward(t.db, { studentId: ada.id, badgeId: b.safety.id });
    makeAward(t.db, { studentId: ada.id, badgeId: b.intermediate.id });
    makeHold(t.db, {
      studentId: ada.id,
      scope: "machine",
      machineId: second.id,
    });

    const res = await boss.get("/reports/roster?area=Machine+Shop");

    expect(await res.text()).toContain("(only LATHE-01)");
  });

  it("asks for a machine or an area before running", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/roster");

    expect(res.status).toBe(200);
    expect(await res.text()).toContain(
      "Choose a machine or an area to see who is cleared",
    );
  });

  it("puts an unknown machine code under the machine field", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/roster?machine=NOPE-9");

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("No machine has the code NOPE-9");
    expect(html).toContain("Fix the filters above");
  });

  it("refuses a machine and an area together", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/roster?machine=A&area=B");

    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose a machine or an area, not both");
  });

  it("exports the roster as CSV, one row per clearing award", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const b = lathe(t);
    const ada = makeStudent(t.db, { lastName: "@Ada", email: "ada@uni.test" });
    makeAward(t.db, { studentId: ada.id, badgeId: b.safety.id });
    makeAward(t.db, { studentId: ada.id, badgeId: b.intermediate.id });
    const cid = makeStudent(t.db, { lastName: "Cid" });
    makeAward(t.db, { studentId: cid.id, badgeId: b.safety.id });

    const res = await boss.get("/reports/roster?machine=LATHE-01&format=csv");

    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="roster-${today()}.csv"`,
    );
    const rows = parse(await csvText(res), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((r) => [r.list, r.last_name, r.badge])).toEqual([
      ["cleared", "'@Ada", "Shop Safety"],
      ["cleared", "'@Ada", "Lathe Intermediate Skills"],
      ["one badge away", "Cid", ""],
    ]);
    expect(rows[2]!.missing).toBe("Lathe Intermediate Skills is missing");
  });

  it("finds who one of several badges would clear, and leaves out who needs two", async () => {
    const t = createTestApp();
    const b = lathe(t);
    makeMachine(t.db, {
      code: "LATHE-09",
      requirement:
        "shop-safety & (lathe-intermediate-skills | lathe-advanced-skills)",
    });
    const ada = makeStudent(t.db, { lastName: "Ada" });
    makeAward(t.db, { studentId: ada.id, badgeId: b.safety.id });
    const bob = makeStudent(t.db, { lastName: "Bob" });
    makeAward(t.db, {
      studentId: bob.id,
      badgeId: b.intermediate.id,
      expiresOn: "2020-01-01",
    });

    const roster = buildRoster(t.db, { machine: "LATHE-09" }, 10);

    const [group] = roster.groups;
    expect(group!.cleared).toEqual([]);
    expect(group!.oneAway.map((o) => [o.lastName, o.needs])).toEqual([
      [
        "Ada",
        [
          "Lathe Intermediate Skills is missing",
          "Lathe Advanced Skills is missing",
        ],
      ],
    ]);
  });

  it("stops at the row limit in name order and says the lists go on", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const b = lathe(t);
    for (const name of ["Cox", "Abe", "Dunn", "Bell"]) {
      const s = makeStudent(t.db, { lastName: name });
      makeAward(t.db, { studentId: s.id, badgeId: b.safety.id });
      makeAward(t.db, { studentId: s.id, badgeId: b.intermediate.id });
    }

    const capped = buildRoster(t.db, { machine: "LATHE-01" }, 2);
    const whole = buildRoster(t.db, { machine: "LATHE-01" }, Infinity);
    const page = await (
      await boss.get("/reports/roster?machine=LATHE-01")
    ).text();

    expect(capped.groups[0]!.clearedMore).toBe(true);
    expect(capped.groups[0]!.cleared.map((c) => c.lastName)).toEqual([
      "Abe",
      "Bell",
    ]);
    expect(whole.groups[0]!.clearedMore).toBe(false);
    expect(whole.groups[0]!.cleared.map((c) => c.lastName)).toEqual([
      "Abe",
      "Bell",
      "Cox",
      "Dunn",
    ]);
    expect(page).toContain("4 students cleared today.");
  });
});
