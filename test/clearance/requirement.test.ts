import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeRequirement,
  parseRequirement,
  printRequirement,
  requirementSlugs,
  RequirementSyntaxError,
  validateRequirement,
} from "../../src/clearance/requirement";
import type { Requirement } from "../../src/clearance/types";

const b = (slug: string): Requirement => ({ kind: "badge", slug });
const and = (...items: Requirement[]): Requirement => ({ kind: "and", items });
const or = (...items: Requirement[]): Requirement => ({ kind: "or", items });

function syntaxError(text: string): RequirementSyntaxError {
  try {
    parseRequirement(text);
  } catch (error) {
    if (error instanceof RequirementSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" not to parse`);
}

describe("parseRequirement", () => {
  it("reads empty and blank text as no requirement", () => {
    expect(parseRequirement("")).toBeNull();
    expect(parseRequirement("   \n\t")).toBeNull();
  });

  it("reads a single badge slug", () => {
    expect(parseRequirement("  shop-safety ")).toEqual(b("shop-safety"));
  });

  it("binds & tighter than |", () => {
    const tree = parseRequirement("a & b | c & d");

    expect(tree).toEqual(or(and(b("a"), b("b")), and(b("c"), b("d"))));
  });

  it("honours parentheses", () => {
    const tree = parseRequirement(
      "shop-safety & (lathe-intermediate-skills | lathe-advanced-skills)",
    );

    expect(tree).toEqual(
      and(
        b("shop-safety"),
        or(b("lathe-intermediate-skills"), b("lathe-advanced-skills")),
      ),
    );
  });

  it("flattens nested groups of the same kind", () => {
    expect(parseRequirement("a & (b & c)")).toEqual(
      and(b("a"), b("b"), b("c")),
    );
    expect(parseRequirement("(a | b) | ((c))")).toEqual(
      or(b("a"), b("b"), b("c")),
    );
  });

  it("needs no whitespace", () => {
    expect(parseRequirement("a&(b|c)")).toEqual(
      and(b("a"), or(b("b"), b("c"))),
    );
  });

  it.each([
    ["a &", 3, "Expected a badge name at position 3"],
    ["a & | b", 4, "Expected a badge name at position 4"],
    ["()", 1, "Expected a badge name at position 1"],
    ["a & (b | c", 4, 'Unclosed "(" opened at position 4'],
    ["a b", 2, 'Expected "&" or "|" at position 2'],
    ["a)", 1, 'Unexpected ")" at position 1'],
    ["(a b)", 3, 'Expected "&", "|" or ")" at position 3'],
    ["a $ b", 2, 'Unexpected "$" at position 2'],
    ["Shop-Safety", 0, "is not a badge name"],
    ["a & b--c", 4, "is not a badge name"],
    ["a & -b", 4, "is not a badge name"],
  ])("rejects %j at position %i", (text, position, message) => {
    const error = syntaxError(text);

    expect(error.position).toBe(position);
    expect(error.message).toContain(message);
  });

  it("rejects absurdly deep nesting with a syntax error", () => {
    const text = "(".repeat(5000) + "a" + ")".repeat(5000);

    expect(syntaxError(text).message).toContain("Too many nested");
  });
});

describe("printRequirement", () => {
  it("prints with minimal parentheses", () => {
    const tree = parseRequirement("((a)) & ((b | c)) | (d & e)");

    expect(printRequirement(tree)).toBe("a & (b | c) | d & e");
  });

  it("prints no requirement as empty text", () => {
    expect(printRequirement(null)).toBe("");
  });
});

describe("requirementSlugs", () => {
  it("lists each slug once in order of appearance", () => {
    const tree = parseRequirement("a & (b | a) & c");

    expect(requirementSlugs(tree)).toEqual(["a", "b", "c"]);
    expect(requirementSlugs(null)).toEqual([]);
  });
});

describe("describeRequirement", () => {
  const names: Record<string, string> = {
    "shop-safety": "Shop Safety",
    "lathe-intermediate-skills": "Lathe Intermediate Skills",
    "lathe-advanced-skills": "Lathe Advanced Skills",
    mig: "Welding MIG Skills",
  };
  const nameOf = (slug: string) => names[slug] ?? slug;

  it("says either ... or ... for a choice inside a list", () => {
    const tree = parseRequirement(
      "shop-safety & (lathe-intermediate-skills | lathe-advanced-skills)",
    );

    expect(describeRequirement(tree, nameOf)).toBe(
      "Shop Safety and either Lathe Intermediate Skills or Lathe Advanced Skills",
    );
  });

  it("lists three badges with commas", () => {
    const tree = parseRequirement("shop-safety & mig & lathe-advanced-skills");

    expect(describeRequirement(tree, nameOf)).toBe(
      "Shop Safety, Welding MIG Skills and Lathe Advanced Skills",
    );
  });

  it("says both ... and ... for a pair inside a choice", () => {
    const tree = parseRequirement("shop-safety & mig | lathe-advanced-skills");

    expect(describeRequirement(tree, nameOf)).toBe(
      "both Shop Safety and Welding MIG Skills or Lathe Advanced Skills",
    );
  });

  it("says when no badge is needed", () => {
    expect(describeRequirement(null, nameOf)).toBe("No badge needed");
  });
});

describe("validateRequirement", () => {
  const known = new Set(["shop-safety", "lathe-intermediate-skills"]);

  it("accepts known badges and empty text", () => {
    expect(validateRequirement("shop-safety", known)).toEqual({
      ok: true,
      requirement: b("shop-safety"),
    });
    expect(validateRequirement(" ", known)).toEqual({
      ok: true,
      requirement: null,
    });
  });

  it("names an unknown badge and where it is", () => {
    const result = validateRequirement("shop-safety & xyz", known);

    expect(result).toEqual({
      ok: false,
      message: 'Unknown badge "xyz"',
      position: 14,
    });
  });

  it("names every unknown badge", () => {
    const result = validateRequirement("ab & shop-safety | xyz", known);

    expect(result).toMatchObject({
      ok: false,
      message: 'Unknown badges "ab" and "xyz"',
      position: 0,
    });
  });

  it("reports a syntax error with its position", () => {
    const result = validateRequirement("shop-safety & ", known);

    expect(result).toEqual({
      ok: false,
      message: "Expected a badge name at position 14",
      position: 14,
    });
  });
});

describe("parser properties", () => {
  const slug = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}$/);
  const tree: fc.Arbitrary<Requirement> = fc.letrec<{ node: Requirement }>(
    (tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        slug.map(b),
        fc
          .array(tie("node"), { minLength: 2, maxLength: 4 })
          .map((items) => and(...items)),
        fc
          .array(tie("node"), { minLength: 2, maxLength: 4 })
          .map((items) => or(...items)),
      ),
    }),
  ).node;

  // The parser flattens, so compare against the flattened form.
  function canonical(req: Requirement): Requirement {
    if (req.kind === "badge") return req;
    const items = req.items
      .map(canonical)
      .flatMap((item) => (item.kind === req.kind ? item.items : [item]));
    return { kind: req.kind, items };
  }

  it("parses what it prints into the same tree", () => {
    fc.assert(
      fc.property(tree, (t) => {
        const expected = canonical(t);

        const reparsed = parseRequirement(printRequirement(expected));

        expect(reparsed).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("prints a parsed tree back to the same text", () => {
    fc.assert(
      fc.property(tree, (t) => {
        const text = printRequirement(canonical(t));

        expect(printRequirement(parseRequirement(text))).toBe(text);
      }),
    );
  });

  it("never throws anything but a syntax error on random text", () => {
    const alphabet = fc.constantFrom(
      ..."ab-1 &|()\t$Z_".split(""),
      "shop-safety",
      "lathe",
    );
    const noise = fc.oneof(
      fc.string(),
      fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join("")),
    );

    fc.assert(
      fc.property(noise, (text) => {
        try {
          parseRequirement(text);
        } catch (error) {
          expect(error).toBeInstanceOf(RequirementSyntaxError);
          const position = (error as RequirementSyntaxError).position;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
