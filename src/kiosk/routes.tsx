import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const kioskRoutes = new Hono<AppEnv>();
