// Calls to the device API as a device would make them.
import type { TestApp } from "../support/app";

export function apiCall(
  app: TestApp["app"],
  secret: string | null,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (secret) headers.authorization = `Bearer ${secret}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return app.request(`/api/v1${path}`, {
    method,
    headers,
    body:
      body === undefined
        ? undefined
        : typeof body === "string"
          ? body
          : JSON.stringify(body),
  });
}
