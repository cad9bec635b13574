import { describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../support/app";
import { makeMachine } from "../support/factories";
import { auditRows, machineRow } from "./helpers";

describe("out-of-service switch", () => {
  it("needs a reason to take a machine out of service", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeMachine(t.db, { code: "MILL-01" });

    const res = await supervisor.post("/machines/MILL-01/service", {
      status: "out-of-service",
      reason: "  ",
    });

    expect(res.status).toBe(422);
    expect(await res.text()).toContain('id="f-reason-error"');
    expect(machineRow(t, "MILL-01")!.inService).toBe(true);
    expect(auditRows(t, "machine.out-of-service")).toHaveLength(0);
  });

  it("takes a machine out of service and back, with audit rows", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeMachine(t.db, { code: "MILL-01" });

    const out = await supervisor.post("/machines/MILL-01/service", {
      status: "out-of-service",
      reason: "Spindle noise",
    });
    const outRow = machineRow(t, "MILL-01");
    const back = await supervisor.post("/machines/MILL-01/service", {
      status: "in-service",
    });

    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/machines/MILL-01");
    expect(outRow).toMatchObject({
      inService: false,
      outOfServiceReason: "Spindle noise",
    });
    expect(back.status).toBe(303);
    expect(machineRow(t, "MILL-01")).toMatchObject({
      inService: true,
      outOfServiceReason: null,
    });
    const [audit] = auditRows(t, "machine.out-of-service");
    expect(audit!.after).toEqual({
      inService: false,
      outOfServiceReason: "Spindle noise",
    });
    expect(auditRows(t, "machine.in-service")).toHaveLength(1);
  });

  it("answers htmx with the status panel, errors included", async () => {
    const t = createTestApp();
    const supervisor = await signIn(t, "supervisor");
    makeMachine(t.db, { code: "MILL-01" });
    const hx = { "HX-Request": "true" };

    const bad = await supervisor.post(
      "/machines/MILL-01/service",
      { status: "out-of-service", reason: "" },
      hx,
    );
    const good = await supervisor.post(
      "/machines/MILL-01/service",
      { status: "out-of-service", reason: "Belt snapped" },
      hx,
    );

    expect(bad.status).toBe(422);
    expect(bad.headers.get("vary")).toContain("HX-Request");
    const badHtml = await bad.text();
    expect(badHtml).toMatch(/^<section id="machine-status"/);
    expect(badHtml).toContain("Say why it is out of service");
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("Out of service: Belt snapped");
  });
});

describe("area closing time", () => {
  it("lets an admin set and clear an area's closing time", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeMachine(t.db, { area: "Welding Bay" });

    const set = await admin.post("/machines/area-closing", {
      area: "Welding Bay",
      closingTime: "21:30",
    });
    const page = await (await admin.get("/machines")).text();
    const cleared = await admin.post("/machines/area-closing", {
      area: "Welding Bay",
      closingTime: "",
    });

    expect(set.status).toBe(303);
    expect(page).toContain('value="21:30"');
    expect(cleared.status).toBe(303);
    const audits = auditRows(t, "area.closing-time");
    expect(audits.map((a) => a.after)).toEqual([
      { closingTime: "21:30" },
      { closingTime: null },
    ]);
  });

  it("refuses a time it cannot read, under that area's field", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeMachine(t.db, { area: "Welding Bay" });

    const res = await admin.post("/machines/area-closing", {
      area: "Welding Bay",
      closingTime: "25:00",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter a time like 21:00");
    expect(html).toContain('value="25:00"');
  });

  it("asks for a time when the field is missing, not zod's 'Invalid input'", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    makeMachine(t.db, { area: "Welding Bay" });

    const res = await admin.post("/machines/area-closing", {
      area: "Welding Bay",
    });

    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter a time like 21:00");
    expect(html).not.toContain("Invalid input");
  });
});
