import { describe, expect, it } from "vitest";
import { machines } from "../../src/db/schema";
import { createTestApp, signIn } from "../support/app";
import { makeBadge, makeMachine } from "../support/factories";
import { auditRows, lathe, machineRow, makeLatheBadges } from "./helpers";

describe("machine list and page", () => {
  it("groups machines by area with status and requirement in words", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeLatheBadges(t);
    makeMachine(t.db, {
      code: "LATHE-02",
      requirement: lathe.requirement,
    });
    makeMachine(t.db, {
      code: "MIG-01",
      area: "Welding Bay",
      inService: false,
      outOfServiceReason: "Gas leak",
    });

    const res = await staff.get("/machines");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2 id="area-0">Machine Shop</h2>');
    expect(html).toContain('<h2 id="area-1">Welding Bay</h2>');
    expect(html).toContain(
      "Shop Safety and either Lathe Intermediate Skills or Lathe Advanced Skills",
    );
    expect(html).toContain("Out of service: Gas leak");
    expect(html).toContain("In service");
    expect(html).not.toContain("Save closing time");
  });

  it("shows a machine's facts, its requirement both ways and the tag link", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeLatheBadges(t);
    makeMachine(t.db, {
      code: "LATHE-02",
      capacity: 2,
      requirement: "shop-safety & lathe-advanced-skills",
    });

    const res = await staff.get("/machines/LATHE-02");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Shop Safety and Lathe Advanced Skills");
    expect(html).toContain(
      "<code>shop-safety &amp; lathe-advanced-skills</code>",
    );
    expect(html).toContain("2 students at once");
    expect(html).toContain('href="/machines/LATHE-02/tag"');
    expect(html).not.toContain("Take out of service");
  });

  it("shows a 404 page for an unknown machine", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const page = await admin.get("/machines/NOPE-01");
    const edit = await admin.get("/machines/NOPE-01/edit");
    const service = await admin.post("/machines/NOPE-01/service", {
      status: "in-service",
    });

    expect(page.status).toBe(404);
    expect(await page.text()).toContain("There is no machine");
    expect(edit.status).toBe(404);
    expect(service.status).toBe(404);
  });
});

describe("creating and editing a machine", () => {
  it("creates a machine with an upper-case code and a canonical requirement", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeLatheBadges(t);

    const res = await admin.post("/machines/new", {
      ...lathe,
      requirement:
        "shop-safety&(lathe-intermediate-skills|lathe-advanced-skills)",
    });

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/machines/LATHE-02");
    expect(machineRow(t, "LATHE-02")).toMatchObject({
      name: "Colchester lathe",
      capacity: 1,
      inService: true,
      requirement: lathe.requirement,
    });
    const [audit] = auditRows(t, "machine.create");
    expect(audit).toMatchObject({ actorId: admin.id });
  });

  it("refuses an unknown badge with the message under the field", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeLatheBadges(t);

    const res = await admin.post("/machines/new", {
      ...lathe,
      requirement: "shop-safety & xyz",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-requirement-error"');
    expect(html).toContain("Unknown badge &quot;xyz&quot;");
    expect(html).toContain('value="shop-safety &amp; xyz"');
    expect(machineRow(t, "LATHE-02")).toBeUndefined();
    expect(auditRows(t, "machine.create")).toHaveLength(0);
  });

  it("refuses a syntax error and names its position", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeLatheBadges(t);

    const res = await admin.post("/machines/new", {
      ...lathe,
      requirement: "shop-safety & ",
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Expected a badge name at position 14");
    expect(machineRow(t, "LATHE-02")).toBeUndefined();
  });

  it("refuses a duplicate code and a bad capacity with values kept", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeMachine(t.db, { code: "LATHE-02" });

    const res = await admin.post("/machines/new", {
      ...lathe,
      requirement: "",
      capacity: "0",
    });
    const dupe = await admin.post("/machines/new", {
      ...lathe,
      requirement: "",
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain('id="f-capacity-error"');
    expect(dupe.status).toBe(422);
    const html = await dupe.text();
    expect(html).toContain("A machine with the code LATHE-02 already exists");
    expect(html).toContain('value="Colchester lathe"');
    expect(t.db.select().from(machines).all()).toHaveLength(1);
  });

  it("refuses a capacity written as 1e1, which was read as 10", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");

    const res = await admin.post("/machines/new", {
      ...lathe,
      requirement: "",
      capacity: "1e1",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-capacity-error"');
    expect(html).toContain('value="1e1"');
    expect(t.db.select().from(machines).all()).toHaveLength(0);
  });

  it("edits a machine, keeping its code, and audits before and after", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeLatheBadges(t);
    makeMachine(t.db, { code: "LATHE-02", name: "Old lathe" });

    const res = await admin.post("/machines/LATHE-02/edit", {
      ...lathe,
      code: "OTHER-01",
      capacity: "3",
    });

    expect(res.status).toBe(303);
    expect(machineRow(t, "LATHE-02")).toMatchObject({
      name: "Colchester lathe",
      capacity: 3,
      requirement: lathe.requirement,
    });
    expect(machineRow(t, "OTHER-01")).toBeUndefined();
    const [audit] = auditRows(t, "machine.update");
    expect(audit!.before).toMatchObject({ name: "Old lathe", requirement: "" });
    expect(audit!.after).toMatchObject({ name: "Colchester lathe" });
  });

  it("wires the requirement field to the as-you-type check", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeMachine(t.db, { code: "LATHE-02", area: "Machine Shop" });

    const res = await admin.get("/machines/LATHE-02/edit");

    const html = await res.text();
    expect(html).toContain('hx-post="/machines/requirement-check"');
    expect(html).toContain('hx-trigger="input changed delay:300ms"');
    expect(html).toContain('id="requirement-check"');
    expect(html).toContain("No badge needed");
    expect(html).toContain('<option value="Machine Shop">');
  });
});

describe("the requirement check partial", () => {
  it("says a good requirement in words", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeLatheBadges(t);

    const res = await admin.post(
      "/machines/requirement-check",
      { requirement: lathe.requirement },
      { "HX-Request": "true" },
    );

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      "✔ </span>Shop Safety and either Lathe Intermediate Skills or Lathe Advanced Skills",
    );
    expect(html).not.toContain("<html");
  });

  it("names an unknown badge and a syntax error's position", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeLatheBadges(t);

    const unknown = await admin.post("/machines/requirement-check", {
      requirement: "shop-safety | xyz",
    });
    const syntax = await admin.post("/machines/requirement-check", {
      requirement: "shop-safety & ",
    });

    expect(await unknown.text()).toContain(
      "⚠ </span>Unknown badge &quot;xyz&quot;",
    );
    expect(await syntax.text()).toContain(
      "Expected a badge name at position 14",
    );
  });

  it("notes a requirement that names an archived badge", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeBadge(t.db, { slug: "old-mill", name: "Old Mill", archived: true });

    const res = await admin.post("/machines/requirement-check", {
      requirement: "old-mill",
    });

    expect(await res.text()).toContain("archived, no new awards: Old Mill");
  });
});

describe("machine permissions", () => {
  it("refuses staff the admin and supervisor actions", async () => {
    const t = createTestApp();
    const staff = await signIn(t, "staff");
    makeMachine(t.db, { code: "MILL-01" });

    const responses = [
      await staff.get("/machines/new"),
      await staff.post("/machines/new", { ...lathe, requirement: "" }),
      await staff.post("/machines/MILL-01/edit", { ...lathe, requirement: "" }),
      await staff.post("/machines/MILL-01/service", {
        status: "out-of-service",
        reason: "x",
      }),
      await staff.post("/machines/area-closing", {
        area: "Machine Shop",
        closingTime: "20:00",
      }),
    ];

    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(machineRow(t, "MILL-01")!.inService).toBe(true);
    expect(machineRow(t, "LATHE-02")).toBeUndefined();
  });

  it("refuses supervisors the machine definition but not the switch", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeMachine(t.db, { code: "MILL-01" });

    const edit = await supervisor.get("/machines/MILL-01/edit");
    const page = await supervisor.get("/machines/MILL-01");

    expect(edit.status).toBe(403);
    expect(await page.text()).toContain("Take out of service");
  });
});
