import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error fails the test (STYLE.md, "Tests").
let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args) => {
    errors.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) {
    throw new Error(`console.error was called: ${String(errors[0])}`);
  }
});
