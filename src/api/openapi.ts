// The device API described as OpenAPI 3.1, generated from the zod schemas
// the routes validate with, so the document cannot drift from the code.
import { z } from "zod";
import {
  AccessCheckSchema,
  DeniedSchema,
  ErrorSchema,
  InvalidSchema,
  MachinesResponseSchema,
  MachineStatusSchema,
  ReasonSchema,
  ScanBodySchema,
  SessionResponseSchema,
  SessionSchema,
} from "./schemas";

const COMPONENTS = {
  ScanBody: ScanBodySchema,
  Reason: ReasonSchema,
  AccessCheck: AccessCheckSchema,
  Denied: DeniedSchema,
  Session: SessionSchema,
  SessionResponse: SessionResponseSchema,
  MachineStatus: MachineStatusSchema,
  Machines: MachinesResponseSchema,
  Error: ErrorSchema,
  Invalid: InvalidSchema,
} as const;
type SchemaName = keyof typeof COMPONENTS;

export type JsonSchema = { [key: string]: unknown };

export type ApiResponse = {
  status: number;
  description: string;
  schema: SchemaName | SchemaName[]; // a list: any one of them
};

export type ApiEndpoint = {
  method: "get" | "post";
  path: string;
  summary: string;
  description: string;
  pathParams?: { name: string; description: string }[];
  body?: SchemaName;
  responses: ApiResponse[];
};

const unauthorized: ApiResponse = {
  status: 401,
  description: "No valid device secret (Authorization: Bearer SECRET)",
  schema: "Error",
};
const invalidBody: ApiResponse = {
  status: 400,
  description: "The body is not JSON or not the expected shape",
  schema: "Invalid",
};
const pinned: ApiResponse = {
  status: 403,
  description: "The device is pinned to another machine or area",
  schema: "Error",
};

export const ENDPOINTS: ApiEndpoint[] = [
  {
    method: "post",
    path: "/access-checks",
    summary: "May this student use this machine now?",
    description:
      "Decides clearance for the scanned card at the machine. Writes " +
      "nothing but the decision log. Unknown and replaced cards answer " +
      "allowed: false with code unknown-credential or replaced-credential.",
    body: "ScanBody",
    responses: [
      { status: 200, description: "The decision", schema: "AccessCheck" },
      invalidBody,
      unauthorized,
      pinned,
      { status: 404, description: "Unknown machine", schema: "Error" },
    ],
  },
  {
    method: "post",
    path: "/sessions",
    summary: "Sign the student in to the machine",
    description:
      "Checks clearance and capacity and opens a session in one " +
      "transaction. A student already on the machine gets the open " +
      "session back (200).",
    body: "ScanBody",
    responses: [
      { status: 201, description: "Signed in", schema: "SessionResponse" },
      {
        status: 200,
        description: "Already signed in: the open session",
        schema: "SessionResponse",
      },
      invalidBody,
      unauthorized,
      {
        status: 403,
        description:
          "Not cleared (allowed: false, the reasons, error.code " +
          "not-cleared), or the device may not act for this machine",
        schema: ["Denied", "Error"],
      },
      { status: 404, description: "Unknown machine", schema: "Error" },
      {
        status: 409,
        description: "The machine is full (error.code occupied)",
        schema: "Denied",
      },
    ],
  },
  {
    method: "post",
    path: "/sessions/{id}/end",
    summary: "Sign out: end a session",
    description: "Ending an ended session returns it unchanged.",
    pathParams: [{ name: "id", description: "The session's id" }],
    responses: [
      {
        status: 200,
        description: "The ended session",
        schema: "SessionResponse",
      },
      unauthorized,
      pinned,
      { status: 404, description: "Unknown session", schema: "Error" },
    ],
  },
  {
    method: "get",
    path: "/machines",
    summary: "The device's machines, their status and open sessions",
    description:
      "Every machine of the device's area, or its one machine when the " +
      "device is pinned; every machine for a device with neither.",
    responses: [
      { status: 200, description: "The machines", schema: "Machines" },
      unauthorized,
    ],
  },
];

let cached: Record<SchemaName, JsonSchema> | undefined;

/** Each component schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). */
export function componentSchemas(): Record<SchemaName, JsonSchema> {
  cached ??= generateSchemas();
  return cached;
}

function generateSchemas(): Record<SchemaName, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) {
    registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
    out[id] = rest;
  }
  return out as Record<SchemaName, JsonSchema>;
}

const ref = (name: SchemaName) => ({
  $ref: `#/components/schemas/${name}`,
});

function responseSchema(r: ApiResponse) {
  if (!Array.isArray(r.schema)) return ref(r.schema);
  return { anyOf: r.schema.map(ref) };
}

function operation(e: ApiEndpoint) {
  const responses = Object.fromEntries(
    e.responses.map((r) => [
      String(r.status),
      {
        description: r.description,
        content: { "application/json": { schema: responseSchema(r) } },
      },
    ]),
  );
  return {
    summary: e.summary,
    description: e.description,
    parameters: e.pathParams?.map((p) => ({
      name: p.name,
      in: "path",
      required: true,
      description: p.description,
      schema: { type: "string" },
    })),
    requestBody: e.body && {
      required: true,
      content: { "application/json": { schema: ref(e.body) } },
    },
    responses,
  };
}

/** The OpenAPI 3.1 document of the device API. */
export function openApiDocument(publicUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    paths[e.path] = { ...paths[e.path], [e.method]: operation(e) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "ShopPass device API",
      version: "1",
      description:
        "For interlocks and kiosks that ask before a machine is used. " +
        "Every call sends the device's secret as a bearer token.",
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    security: [{ deviceSecret: [] }],
    paths,
    components: {
      securitySchemes: {
        deviceSecret: {
          type: "http",
          scheme: "bearer",
          description: "The secret shown once when the device was registered",
        },
      },
      schemas: componentSchemas(),
    },
  };
}

/** What the readable docs page draws: endpoints and their schemas. */
export function apiDocsModel() {
  return { endpoints: ENDPOINTS, schemas: componentSchemas() };
}
