import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const holdRoutes = new Hono<AppEnv>();
