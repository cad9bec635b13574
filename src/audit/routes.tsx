import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const auditRoutes = new Hono<AppEnv>();
