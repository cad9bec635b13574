CREATE INDEX `awards_issued_idx` ON `awards` (`issued_on`,`badge_id`);--> statement-breakpoint
CREATE INDEX `awards_revoked_idx` ON `awards` (`revoked_at`) WHERE "awards"."revoked_at" is not null;--> statement-breakpoint
CREATE INDEX `machine_sessions_override_idx` ON `machine_sessions` (`started_at`) WHERE "machine_sessions"."override_by" is not null;