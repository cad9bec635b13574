import { describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../support/app";
import { makeStudent } from "../support/factories";

describe("the one-time notice after a redirect", () => {
  it("shows what was done once on the next page, then never again", async () => {
    const t = createTestApp();
    const admin = await signIn(t, "admin");
    const student = makeStudent(t.db);

    const saved = await admin.post(`/students/${student.number}/edit`, {
      number: student.number,
      firstName: "Renamed",
      lastName: student.lastName,
      email: student.email,
      status: "active",
    });
    const notice = /shoppass_notice=([^;]+)/.exec(
      saved.headers.get("set-cookie") ?? "",
    )?.[1];
    const cookie = `${admin.cookie}; shoppass_notice=${notice}`;
    const first = await admin.get(saved.headers.get("location")!, { cookie });
    const again = await admin.get(saved.headers.get("location")!);

    expect(saved.status).toBe(303);
    expect(await first.text()).toContain("Details saved.");
    expect(first.headers.get("set-cookie")).toMatch(/shoppass_notice=;/);
    expect(await again.text()).not.toContain("Details saved.");
  });
});
