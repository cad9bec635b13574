CREATE INDEX `awards_badge_holder_idx` ON `awards` (`badge_id`,`student_id`,`issued_on`,`expires_on`,`revoked_at`);--> statement-breakpoint
CREATE INDEX `machine_sessions_usage_idx` ON `machine_sessions` (`started_at`,`machine_id`,`student_id`,`ended_at`);--> statement-breakpoint
CREATE INDEX `machine_sessions_student_machine_idx` ON `machine_sessions` (`student_id`,`machine_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `students_status_idx` ON `students` (`status`);