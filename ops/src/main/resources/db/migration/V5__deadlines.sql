-- Persistent deadlines (Axon's DbSchedulerDeadlineManager on db-scheduler): a round's submission deadline, later the
-- end of each publicity period. A deadline survives restarts and fires on exactly one node. The table is
-- db-scheduler's own (its documented MySQL schema), written so that one script runs on H2 (MySQL mode) and
-- MySQL/MariaDB; instants are stored in UTC (db-scheduler.always-persist-timestamp-in-utc) as DATETIME(6).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            LONGBLOB,
    execution_time       DATETIME(6)  NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         DATETIME(6),
    last_failure         DATETIME(6),
    consecutive_failures INT,
    last_heartbeat       DATETIME(6),
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority, execution_time);
