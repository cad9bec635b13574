import { describe, expect, it } from "vitest";
import { AwardStatusPill } from "../../views/clearance/award-status";
import { ClearanceStatus } from "../../views/clearance/clearance-status";
import { ReasonList } from "../../views/clearance/reason-list";
import type { Reason } from "../../src/clearance/types";

const html = (node: unknown) => String(node);

describe("clearance views", () => {
  it("shows cleared and not cleared with icon and words", () => {
    const yes = html(<ClearanceStatus cleared />);
    const no = html(<ClearanceStatus cleared={false} />);

    expect(yes).toContain("status-ok");
    expect(yes).toContain("✔");
    expect(yes).toContain("Cleared");
    expect(no).toContain("status-bad");
    expect(no).toContain("Not cleared");
  });

  it("names each award status in words", () => {
    const words = (
      ["current", "expiring", "expired", "revoked", "lapsed-unused"] as const
    ).map((status) =>
      html(<AwardStatusPill status={status} expiresOn="2026-08-31" />),
    );

    expect(words[0]).toContain("Current");
    expect(words[1]).toContain("Expiring soon (2026-08-31)");
    expect(words[2]).toContain("Expired (2026-08-31)");
    expect(words[3]).toContain("Revoked");
    expect(words[4]).toContain("Lapsed");
  });

  it("shows a hold's staff note only when asked", () => {
    const reasons: Reason[] = [
      {
        code: "hold",
        message: "A hold was placed on your use of the shop",
        detail: "Private note",
      },
    ];

    const student = html(<ReasonList reasons={reasons} />);
    const staff = html(<ReasonList reasons={reasons} showStaffDetail />);

    expect(student).toContain("A hold was placed");
    expect(student).not.toContain("Private note");
    expect(staff).toContain("Private note");
  });

  it("escapes reason messages", () => {
    const reasons: Reason[] = [
      { code: "out-of-service", message: "<b>Lathe</b> is out of service" },
    ];

    expect(html(<ReasonList reasons={reasons} />)).toContain("&lt;b&gt;");
  });
});
