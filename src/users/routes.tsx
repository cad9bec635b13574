import { Hono } from "hono";
import type { AppEnv } from "../lib/env";

export const userRoutes = new Hono<AppEnv>();
