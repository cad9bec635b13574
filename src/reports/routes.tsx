import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const reportRoutes = new Hono<AppEnv>();
