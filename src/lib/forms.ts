import type { z } from "zod";
import type { FieldErrors } from "./errors";

export type FormState<T = Record<string, string>> = {
  values: Partial<T>;
  errors: FieldErrors;
};

/** One message per field (the first), keyed by the field's name. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** The submitted strings of a form, to re-render it as entered. */
export function formValues(
  body: Record<string, string | File | (string | File)[]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf") continue;
    if (typeof value === "string") out[key] = value;
  }
  return out;
}
