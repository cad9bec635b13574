import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addDays, today } from "../../src/lib/dates";
import { createTestApp, signIn } from "../support/app";
import { makeAward, makeBadge, makeStudent } from "../support/factories";
import { csvText } from "./support";

describe("badge summary report", () => {
  it("counts current holders per badge and awards per month", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const safety = makeBadge(t.db, { name: "Shop Safety" });
    const month = today().slice(0, 7);
    for (let i = 0; i < 3; i += 1) {
      makeAward(t.db, { badgeId: safety.id, issuedOn: today() });
    }
    makeAward(t.db, {
      badgeId: safety.id,
      issuedOn: "2020-01-01",
      expiresOn: "2021-01-01",
    });
    makeAward(t.db, {
      badgeId: safety.id,
      issuedOn: today(),
      revokedAt: new Date(),
    });
    const inactive = makeStudent(t.db, { status: "inactive" });
    makeAward(t.db, { badgeId: safety.id, studentId: inactive.id });

    const res = await boss.get("/reports/badges");

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<th /g)).toHaveLength(5 + 3);
    expect(html).toMatch(
      /Shop Safety<\/td><td>shop-safety<\/td><td>knowledge, introductory<\/td><td class="num">3<\/td><td class="num">0<\/td>/,
    );
    expect(html).toMatch(
      new RegExp(
        `<td>${month}</td><td class="num">4</td><td class="num">1</td>`,
      ),
    );
  });

  it("refuses more than 36 months", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");

    const res = await boss.get("/reports/badges?months=99");

    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Enter a whole number from 1 to 36");
  });

  it("exports one row per badge with a column per month", async () => {
    const t = createTestApp();
    const boss = await signIn(t, "supervisor");
    const safety = makeBadge(t.db, { name: "Shop Safety" });
    makeAward(t.db, {
      badgeId: safety.id,
      issuedOn: today(),
      expiresOn: addDays(today(), 3),
    });

    const res = await boss.get("/reports/badges?months=2&format=csv");

    const rows = parse(await csvText(res), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      badge: "Shop Safety",
      current_holders: "1",
      expiring_30_days: "1",
      [`issued_${today().slice(0, 7)}`]: "1",
    });
    expect(Object.keys(rows[0]!)).toHaveLength(9);
  });
});
