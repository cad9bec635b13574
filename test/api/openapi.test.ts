import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp } from "../support/app";
import { makeDevice, makeShop } from "../sessions/shop";
import { apiCall } from "./helpers";

type Json = { [key: string]: unknown };

async function fetchDocument() {
  const { app } = createTestApp();
  const res = await app.request("/api/v1/openapi.json");
  return { res, doc: (await res.json()) as Json };
}

// Replaces each "#/components/schemas/X" reference with X itself.
function inline(node: unknown, schemas: Record<string, Json>): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, schemas));
  if (!node || typeof node !== "object") return node;
  const ref = (node as Json).$ref;
  if (typeof ref === "string") {
    return inline(schemas[ref.split("/").pop()!], schemas);
  }
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, inline(v, schemas)]),
  );
}

function responseValidator(
  doc: Json,
  path: string,
  method: string,
  status: number,
) {
  const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
  const operation = (doc.paths as Record<string, Record<string, Json>>)[path]![
    method
  ]!;
  const response = (operation.responses as Record<string, Json>)[
    String(status)
  ]!;
  const content = response.content as Record<string, { schema: Json }>;
  const schema = inline(content["application/json"]!.schema, schemas);
  return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with every endpoint and a bearer scheme", async () => {
    const { res, doc } = await fetchDocument();

    expect(res.status).toBe(200);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths as Json).sort()).toEqual([
      "/access-checks",
      "/machines",
      "/sessions",
      "/sessions/{id}/end",
    ]);
    expect(doc.servers).toEqual([{ url: "http://shop.test/api/v1" }]);
    expect(JSON.stringify(doc.components)).toContain('"scheme":"bearer"');
  });

  it("resolves every schema reference it makes", async () => {
    const { doc } = await fetchDocument();
    const schemas = (doc.components as { schemas: Json }).schemas;

    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g)!;

    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(Object.keys(schemas)).toContain(ref.split("/").pop());
    }
  });

  it("describes the body the routes validate", async () => {
    const { doc } = await fetchDocument();
    const scan = (doc.components as { schemas: Record<string, Json> }).schemas
      .ScanBody!;

    expect(scan.required).toEqual(["machine", "credential"]);
    expect(Object.keys(scan.properties as Json)).toEqual([
      "machine",
      "credential",
    ]);
  });

  it("matches what the routes answer", async () => {
    const { doc } = await fetchDocument();
    const t = createTestApp();
    const shop = makeShop(t);
    const { secret } = makeDevice(t.db, { kind: "interlock" });
    const call = (m: "GET" | "POST", p: string, b?: unknown) =>
      apiCall(t.app, secret, m, p, b);
    const ada = { machine: "LATHE-02", credential: shop.adaCard };
    const bob = { machine: "LATHE-02", credential: shop.bobCard };

    const answers = [
      ["/access-checks", "post", await call("POST", "/access-checks", bob)],
      ["/access-checks", "post", await call("POST", "/access-checks", {})],
      ["/sessions", "post", await call("POST", "/sessions", ada)],
      ["/sessions", "post", await call("POST", "/sessions", bob)],
      ["/machines", "get", await call("GET", "/machines")],
      ["/machines", "get", await apiCall(t.app, null, "GET", "/machines")],
    ] as const;

    for (const [path, method, res] of answers) {
      const validate = responseValidator(doc, path, method, res.status);
      expect(validate.safeParse(await res.json()).success).toBe(true);
      expect(validate.safeParse({ unexpected: true }).success).toBe(false);
    }
  });
});

describe("the API docs page", () => {
  it("lists every endpoint with its body and answers, from the app itself", async () => {
    const { app } = createTestApp();

    const res = await app.request("/api/v1/docs");

    expect(res.status).toBe(200);
    const html = await res.text();
    for (const line of [
      "POST /api/v1/access-checks",
      "POST /api/v1/sessions",
      "POST /api/v1/sessions/{id}/end",
      "GET /api/v1/machines",
      "Authorization: Bearer SECRET",
      'id="schema-AccessCheck"',
    ]) {
      expect(html).toContain(line);
    }
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });
});
