import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const catalogRoutes = new Hono<AppEnv>();
