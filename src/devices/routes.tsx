import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const deviceRoutes = new Hono<AppEnv>();
