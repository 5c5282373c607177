-- Manual assignments: who gave a check to whom by hand (a manager, or a consultant for
-- themselves), and whether it went over the consultant's capacity by an explicit override.
-- A manager's reassignment of an assigned check is a row of its own result.
-- Plain SQL that runs unchanged on H2 and PostgreSQL.

ALTER TABLE assignment_log ADD COLUMN assigned_by VARCHAR(64);
ALTER TABLE assignment_log ADD COLUMN over_capacity BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE assignment_log DROP CONSTRAINT ck_log_result;
ALTER TABLE assignment_log ADD CONSTRAINT ck_log_result
    CHECK (result IN ('success', 'no_available', 'error', 'reassigned'));
