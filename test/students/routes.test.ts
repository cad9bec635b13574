import { describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../support/app";
import {
  makeAward,
  makeBadge,
  makeHold,
  makeMachine,
  makeStudent,
} from "../support/factories";

describe("the student list", () => {
  it("finds students by part of a name, a number or an email", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeStudent(t.db, { firstName: "Grace", lastName: "Hopper" });
    makeStudent(t.db, { number: "S777123", lastName: "Lovelace" });
    makeStudent(t.db, { email: "kat@uni.test", lastName: "Johnson" });

    const byName = await (await staff.get("/students?q=hopp")).text();
    const byNumber = await (await staff.get("/students?q=777")).text();
    const byEmail = await (await staff.get("/students?q=KAT@")).text();

    expect(byName).toContain("Hopper, Grace");
    expect(byName).not.toContain("Lovelace");
    expect(byNumber).toContain("Lovelace");
    expect(byNumber).not.toContain("Hopper");
    expect(byEmail).toContain("Johnson");
  });

  it("treats % and _ in a search as plain characters", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeStudent(t.db, { lastName: "Hopper" });

    const res = await staff.get("/students?q=%25");

    expect(await res.text()).toContain("No student matches");
  });

  it("answers an htmx search with only the results and Vary", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeStudent(t.db, { lastName: "Hopper" });

    const res = await staff.get("/students?q=hop", { "HX-Request": "true" });

    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("vary")).toContain("HX-Request");
    expect(html).toContain("Hopper");
    expect(html).not.toContain("<html");
  });

  it("shows 50 students a page with page links that keep the search", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    for (let i = 0; i < 55; i += 1) {
      makeStudent(t.db, { lastName: `Smith${String(i).padStart(2, "0")}` });
    }

    const first = await (await staff.get("/students?q=smith")).text();
    const second = await (await staff.get("/students?q=smith&page=2")).text();

    expect(first).toContain("Smith49");
    expect(first).not.toContain("Smith50");
    expect(first).toContain('href="/students?q=smith&amp;page=2"');
    expect(second).toContain("Smith54");
    expect(second).toContain("Page 2 of 2");
  });

  it("shows the first page for a page number it cannot read", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeStudent(t.db, { lastName: "Hopper" });

    const res = await staff.get("/students?page=banana&status=weird");

    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Hopper");
  });

  it("filters inactive students", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeStudent(t.db, { lastName: "Present" });
    makeStudent(t.db, { lastName: "Gone", status: "inactive" });

    const html = await (await staff.get("/students?status=inactive")).text();

    expect(html).toContain("Gone");
    expect(html).not.toContain("Present");
  });

  it("offers Add a student to supervisors but not to staff", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const supervisor = await signIn(t, "supervisor");

    const forStaff = await (await staff.get("/students")).text();
    const forSupervisor = await (await supervisor.get("/students")).text();

    expect(forStaff).not.toContain("Add a student");
    expect(forSupervisor).toContain('href="/students/new"');
  });
});

describe("a student's page", () => {
  it("shows awards, clearance with reasons, holds, history and card links", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const student = makeStudent(t.db, { number: "S9", firstName: "Ada" });
    const safety = makeBadge(t.db, {
      slug: "shop-safety",
      name: "Shop Safety",
    });
    const lathe = makeBadge(t.db, { slug: "lathe-skills", name: "Lathe" });
    makeAward(t.db, {
      studentId: student.id,
      badgeId: safety.id,
      issuedOn: "2020-01-01",
      expiresOn: "2020-12-31",
    });
    makeMachine(t.db, {
      code: "LATHE-02",
      area: "Machine Shop",
      requirement: "shop-safety & lathe-skills",
    });
    makeMachine(t.db, { code: "MIG-01", area: "Welding Bay" });
    makeHold(t.db, { studentId: student.id, scope: "track", track: "mill" });
    void lathe;

    const res = await staff.get("/students/S9");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Shop Safety");
    expect(html).toContain("Expired");
    expect(html).toContain("LATHE-02");
    expect(html).toContain("Not cleared");
    expect(html).toContain("Welding Bay");
    expect(html).toContain("Track mill");
    expect(html).toContain('href="/students/S9/card"');
    expect(html).toContain("Replace card");
    expect(html).not.toContain("Award a badge");
  });
});

describe("an award's evidence", () => {
  it("links a URL as the assessment record, not a bare word 'link'", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    const student = makeStudent(t.db, { number: "S1" });
    const url = "https://moodle.uni.test/mod/assign/view.php?id=7";
    makeAward(t.db, { studentId: student.id, evidence: url });

    const html = await (await staff.get("/students/S1")).text();

    expect(html).toContain(">assessment record</a>");
    expect(html).not.toContain(">link</a>");
  });
});

describe("htmx history", () => {
  // htmx 4 restores history by fetching the URL with HX-Request into <body>
  it("answers a history restore with the full page, not the partial", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeStudent(t.db, { lastName: "Hopper" });

    const res = await staff.get("/students?q=hop", {
      "HX-Request": "true",
      "HX-History-Restore-Request": "true",
    });

    const html = await res.text();
    expect(html).toContain("<html");
    expect(html).toContain("Hopper");
  });
});
