import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, signIn } from "../support/app";
import {
  makeAward,
  makeBadge,
  makeMachine,
  makeStudent,
} from "../support/factories";

function sheetUrl(params: Record<string, string>) {
  return `/cards/sheet?${new URLSearchParams(params)}`;
}

function cardNames(html: string): string[] {
  return [...html.matchAll(/<p class="card-name">([^<]*)<\/p>/g)].map(
    (m) => m[1]!,
  );
}

describe("the card sheet", () => {
  it("shows the filter form before anything is chosen", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeMachine(t.db, { area: "Welding Bay" });

    const res = await staff.get("/cards/sheet");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="get" action="/cards/sheet"');
    expect(html).toContain('<option value="Welding Bay">Welding Bay</option>');
    expect(cardNames(html)).toEqual([]);
  });

  it("prints everyone awarded a badge since a date", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const recent = makeStudent(t.db, { firstName: "Recent", lastName: "One" });
    const early = makeStudent(t.db, { firstName: "Early", lastName: "Two" });
    const revoked = makeStudent(t.db, {
      firstName: "Revoked",
      lastName: "Three",
    });
    makeAward(t.db, { studentId: recent.id, issuedOn: "2025-09-02" });
    makeAward(t.db, { studentId: early.id, issuedOn: "2025-08-01" });
    makeAward(t.db, {
      studentId: revoked.id,
      issuedOn: "2025-09-03",
      revokedAt: new Date("2025-09-04"),
    });

    const res = await staff.get(sheetUrl({ by: "since", since: "2025-09-01" }));

    expect(res.status).toBe(200);
    expect(cardNames(await res.text())).toEqual(["Recent One"]);
  });

  it("prints an area's students: holders of a badge its machines ask for, or a higher one", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const int = makeBadge(t.db, {
      slug: "mig-int",
      track: "welding-mig",
      type: "skills",
      level: "intermediate",
    });
    const adv = makeBadge(t.db, {
      slug: "mig-adv",
      track: "welding-mig",
      type: "skills",
      level: "advanced",
    });
    const lathe = makeBadge(t.db, { slug: "lathe", track: "lathe" });
    makeMachine(t.db, { area: "Welding Bay", requirement: "mig-int" });
    makeMachine(t.db, { area: "Machine Shop", requirement: "lathe" });
    const welder = makeStudent(t.db, { firstName: "Weld", lastName: "A" });
    const expert = makeStudent(t.db, { firstName: "Expert", lastName: "B" });
    const turner = makeStudent(t.db, { firstName: "Turner", lastName: "C" });
    const lapsed = makeStudent(t.db, { firstName: "Lapsed", lastName: "D" });
    makeAward(t.db, { studentId: welder.id, badgeId: int.id });
    makeAward(t.db, {
      studentId: expert.id,
      badgeId: adv.id,
      expiresOn: addDays(today(), 40),
    });
    makeAward(t.db, { studentId: turner.id, badgeId: lathe.id });
    makeAward(t.db, {
      studentId: lapsed.id,
      badgeId: int.id,
      expiresOn: "2025-01-31",
    });

    const res = await staff.get(sheetUrl({ by: "area", area: "Welding Bay" }));

    expect(res.status).toBe(200);
    expect(cardNames(await res.text())).toEqual(["Weld A", "Expert B"]);
  });

  it("prints a pasted list and lists back the numbers nobody has", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const a = makeStudent(t.db, { firstName: "Ann", lastName: "Able" });
    const b = makeStudent(t.db, { firstName: "Ben", lastName: "Baker" });
    const numbers = `${a.number}\n${b.number}, S999999`;

    const res = await staff.get(sheetUrl({ by: "numbers", numbers }));

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(cardNames(html)).toEqual(["Ann Able", "Ben Baker"]);
    expect(html).toContain("No student has this number: S999999");
    expect(html).toContain(`${a.number}\n${b.number}, S999999</textarea>`);
  });

  it("puts eight cards on a page with cut marks, on the chosen paper", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const students = Array.from({ length: 9 }, () => makeStudent(t.db));
    const numbers = students.map((s) => s.number).join(" ");

    const res = await staff.get(
      sheetUrl({ by: "numbers", numbers, paper: "a4" }),
    );

    const html = await res.text();
    expect(html.match(/class="sheet-page paper-a4"/g)).toHaveLength(2);
    expect(html.match(/class="cut tl"/g)).toHaveLength(9);
    expect(html).toContain("9 cards on 2 pages");
  });

  it("keeps the values and names the field when the date is not a date", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");

    const res = await staff.get(
      sheetUrl({ by: "since", since: "2025-02-30", paper: "a4" }),
    );

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="f-since"[^>]*value="2025-02-30"/);
    expect(html).toContain('id="f-since-error"');
    expect(html).toContain("Enter a date as YYYY-MM-DD");
    expect(html).toMatch(/<option value="a4" selected/);
    expect(html).toMatch(/value="since" checked/);
  });

  it("refuses a filter with no choice, an unknown area or an empty list", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeMachine(t.db, { area: "Welding Bay" });

    const none = await staff.get(sheetUrl({ since: "2025-01-01" }));
    const area = await staff.get(sheetUrl({ by: "area", area: "Moon Base" }));
    const empty = await staff.get(sheetUrl({ by: "numbers", numbers: " , " }));
    const paper = await staff.get(
      sheetUrl({ by: "since", since: "2025-01-01", paper: "legal" }),
    );

    expect(none.status).toBe(422);
    expect(await none.text()).toContain("Choose whose cards to print");
    expect(area.status).toBe(422);
    expect(await area.text()).toContain('id="f-area-error"');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Paste at least one student number");
    expect(paper.status).toBe(422);
    expect(await paper.text()).toContain("Choose Letter or A4");
  });

  it("is only for staff", async () => {
    const t = createTestApp();

    const res = await t.app.request("/cards/sheet");

    expect(res.status).toBe(303);
  });
});
