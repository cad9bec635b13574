// Requirement expressions over badge slugs: `a & (b | c)`.
// Grammar (whitespace is free, "&" binds tighter than "|"):
//   or     := and ("|" and)*
//   and    := factor ("&" factor)*
//   factor := slug | "(" or ")"
import type { Requirement } from "./types";

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Deep nesting would overflow the stack; no real requirement comes close.
const MAX_DEPTH = 64;

/** A requirement that does not parse; `position` is a 0-based index. */
export class RequirementSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "RequirementSyntaxError";
  }
}

/** Parses a requirement; empty or blank text means "no badge needed". */
export function parseRequirement(text: string): Requirement | null {
  if (text.trim() === "") return null;

  const parser = new Parser(text);
  const tree = parser.parseOr(0);
  parser.expectEnd();
  return tree;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseOr(depth: number): Requirement {
    const items = [this.parseAnd(depth)];
    while (this.peek() === "|") {
      this.pos += 1;
      items.push(this.parseAnd(depth));
    }
    return combine("or", items);
  }

  private parseAnd(depth: number): Requirement {
    const items = [this.parseFactor(depth)];
    while (this.peek() === "&") {
      this.pos += 1;
      items.push(this.parseFactor(depth));
    }
    return combine("and", items);
  }

  private parseFactor(depth: number): Requirement {
    const c = this.peek();
    if (c === "(") return this.parseGroup(depth);
    if (c !== undefined && /[A-Za-z0-9_-]/.test(c)) return this.parseSlug();
    throw new RequirementSyntaxError(
      `Expected a badge name at position ${this.pos}`,
      this.pos,
    );
  }

  private parseGroup(depth: number): Requirement {
    const open = this.pos;
    if (depth >= MAX_DEPTH) {
      throw new RequirementSyntaxError(
        `Too many nested parentheses at position ${open}`,
        open,
      );
    }
    this.pos += 1;
    const inner = this.parseOr(depth + 1);
    const c = this.peek();
    if (c === ")") {
      this.pos += 1;
      return inner;
    }
    if (c === undefined) {
      throw new RequirementSyntaxError(
        `Unclosed "(" opened at position ${open}`,
        open,
      );
    }
    throw new RequirementSyntaxError(
      `Expected "&", "|" or ")" at position ${this.pos}`,
      this.pos,
    );
  }

  private parseSlug(): Requirement {
    const start = this.pos;
    while (/[A-Za-z0-9_-]/.test(this.text[this.pos] ?? "")) this.pos += 1;
    const word = this.text.slice(start, this.pos);
    if (!SLUG.test(word)) {
      throw new RequirementSyntaxError(
        `"${word}" at position ${start} is not a badge name ` +
          "(use lower-case letters, digits and single hyphens)",
        start,
      );
    }
    return { kind: "badge", slug: word };
  }

  expectEnd() {
    const c = this.peek();
    if (c === undefined) return;
    const message =
      c === ")"
        ? `Unexpected ")" at position ${this.pos}`
        : /[A-Za-z0-9_(-]/.test(c)
          ? `Expected "&" or "|" at position ${this.pos}`
          : `Unexpected "${c}" at position ${this.pos}`;
    throw new RequirementSyntaxError(message, this.pos);
  }

  // The next character that is not whitespace (undefined at the end).
  private peek(): string | undefined {
    while (/\s/.test(this.text[this.pos] ?? "")) this.pos += 1;
    return this.text[this.pos];
  }
}

// Flattens nested nodes of the same kind so equal meanings give equal trees.
function combine(kind: "and" | "or", items: Requirement[]): Requirement {
  if (items.length === 1) return items[0]!;
  const flat = items.flatMap((item) =>
    item.kind === kind ? item.items : [item],
  );
  return { kind, items: flat };
}

/** The canonical text of a requirement, with as few parentheses as needed. */
export function printRequirement(req: Requirement | null): string {
  if (req === null) return "";
  if (req.kind === "badge") return req.slug;
  if (req.kind === "or") return req.items.map(printRequirement).join(" | ");
  return req.items
    .map((item) =>
      item.kind === "or"
        ? `(${printRequirement(item)})`
        : printRequirement(item),
    )
    .join(" & ");
}

/** Every badge slug the requirement names, once each, in order. */
export function requirementSlugs(req: Requirement | null): string[] {
  if (req === null) return [];
  if (req.kind === "badge") return [req.slug];
  return [...new Set(req.items.flatMap(requirementSlugs))];
}

/**
 * The requirement in words: "Shop Safety and either Lathe Intermediate
 * Skills or Lathe Advanced Skills".
 */
export function describeRequirement(
  req: Requirement | null,
  nameOf: (slug: string) => string,
): string {
  if (req === null) return "No badge needed";
  return describe(req, nameOf, true);
}

function describe(
  req: Requirement,
  nameOf: (slug: string) => string,
  top: boolean,
): string {
  if (req.kind === "badge") return nameOf(req.slug);

  const parts = req.items.map((item) => describe(item, nameOf, false));
  if (req.kind === "and") {
    const all = listWords(parts, "and");
    if (top) return all;
    return parts.length === 2 ? `both ${all}` : `all of ${all}`;
  }
  const any = listWords(parts, "or");
  return top ? any : `either ${any}`;
}

function listWords(parts: string[], last: "and" | "or"): string {
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(", ")} ${last} ${parts.at(-1)}`;
}

export type RequirementCheck =
  | { ok: true; requirement: Requirement | null }
  | { ok: false; message: string; position?: number };

/** Parses a requirement and checks that every badge it names exists. */
export function validateRequirement(
  text: string,
  knownSlugs: ReadonlySet<string>,
): RequirementCheck {
  let requirement: Requirement | null;
  try {
    requirement = parseRequirement(text);
  } catch (error) {
    if (!(error instanceof RequirementSyntaxError)) throw error;
    return { ok: false, message: error.message, position: error.position };
  }

  const unknown = requirementSlugs(requirement).filter(
    (slug) => !knownSlugs.has(slug),
  );
  if (unknown.length === 0) return { ok: true, requirement };

  const quoted = unknown.map((slug) => `"${slug}"`);
  const message =
    unknown.length === 1
      ? `Unknown badge ${quoted[0]}`
      : `Unknown badges ${listWords(quoted, "and")}`;
  return { ok: false, message, position: slugPosition(text, unknown[0]!) };
}

// Where a slug first appears as a whole word (slugs never contain "&|()").
function slugPosition(text: string, slug: string): number | undefined {
  const pattern = new RegExp(`(?<![A-Za-z0-9_-])${slug}(?![A-Za-z0-9_-])`);
  const match = pattern.exec(text);
  return match?.index;
}
