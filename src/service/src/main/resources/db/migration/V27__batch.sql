-- Jakarta Batch jobs (issue 14 §1): one lock row per job, abandoned executions, the overdue records of the
-- deadline sweep and the daily statistics snapshot. Runs unchanged on PostgreSQL 15 and on H2 2.2; instants are
-- TIMESTAMP WITH TIME ZONE, days are Vietnam dates (Asia/Ho_Chi_Minh).

-- Only one execution of a job at a time, also with several servers on one database: a server takes the row with a
-- conditional UPDATE (free, or its lease expired) in its own transaction and renews lease_until while the execution
-- runs. owner = "<server>|<boot id>|<random>", the token the job's listener releases the row with.
CREATE TABLE batch_job_lock (
    job_name      VARCHAR(60)   NOT NULL PRIMARY KEY,
    owner         VARCHAR(200),
    execution_id  BIGINT,
    acquired_at   TIMESTAMP WITH TIME ZONE,
    lease_until   TIMESTAMP WITH TIME ZONE
);
INSERT INTO batch_job_lock (job_name) VALUES ('deadline-sweep');
INSERT INTO batch_job_lock (job_name) VALUES ('statistics-snapshot');
INSERT INTO batch_job_lock (job_name) VALUES ('transfer-reconciliation');

-- Executions the batch runtime still shows STARTED/STARTING although their server died (lease expired, or the
-- owning server restarted): marked abandoned here, with the reason, before the next start of the job.
CREATE TABLE batch_abandoned (
    execution_id  BIGINT        NOT NULL PRIMARY KEY,
    job_name      VARCHAR(60)   NOT NULL,
    abandoned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    abandoned_by  VARCHAR(200)  NOT NULL,
    reason        VARCHAR(1000) NOT NULL
);

-- The overdue event of a dossier (step_position 0) or of one of its steps, recorded once by the deadline sweep:
-- due_at is the business moment (the deadline that passed), recorded_at the moment the sweep saw it, recorded_by
-- the job ("batch:deadline-sweep#<execution>"). The primary key makes a rerun or a restart record nothing twice.
-- apology_due: the dossier needs an apology (thư xin lỗi, form 04) and none was issued when it was recorded.
CREATE TABLE dossier_overdue (
    dossier_id     BIGINT        NOT NULL REFERENCES dossier (id),
    step_position  INTEGER       NOT NULL,
    dossier_code   VARCHAR(40)   NOT NULL,
    agency_code    VARCHAR(60)   NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(100)  NOT NULL,
    apology_due    BOOLEAN       NOT NULL,
    PRIMARY KEY (dossier_id, step_position)
);
CREATE INDEX dossier_overdue_agency_idx ON dossier_overdue (agency_code, recorded_at);

-- The statistics snapshot (issue 14 §1, §2): per Vietnam day, receiving unit, procedure and field (with the unit's
-- level), the day's flows of the period report (received by channel, resolved early/on time/late, stopped, withdrawn,
-- refused, apologies) and the stock at the end of the day (in progress, not due / overdue). Province view: children
-- of inter-agency transfers are left out. procedure_code and field are '' when unknown. Only rows with a count.
-- Written by the statistics-snapshot job, delete-then-insert per day in one transaction, so a rerun or a restart
-- gives the same rows.
CREATE TABLE statistics_snapshot (
    snapshot_day         DATE          NOT NULL,
    agency_code          VARCHAR(60)   NOT NULL,
    procedure_code       VARCHAR(40)   NOT NULL,
    field                VARCHAR(300)  NOT NULL,
    agency_level         VARCHAR(20),
    received_online      BIGINT        NOT NULL,
    received_direct      BIGINT        NOT NULL,
    received_postal      BIGINT        NOT NULL,
    resolved_early       BIGINT        NOT NULL,
    resolved_on_time     BIGINT        NOT NULL,
    resolved_late        BIGINT        NOT NULL,
    stopped              BIGINT        NOT NULL,
    withdrawn            BIGINT        NOT NULL,
    refused              BIGINT        NOT NULL,
    apologies            BIGINT        NOT NULL,
    in_progress_not_due  BIGINT        NOT NULL,
    in_progress_overdue  BIGINT        NOT NULL,
    PRIMARY KEY (snapshot_day, agency_code, procedure_code, field)
);

-- The days the snapshot covers (one row per day written, even a day without any count): the period report reads
-- snapshots only over a run of consecutive covered days that starts at the first day with data.
CREATE TABLE statistics_snapshot_day (
    snapshot_day  DATE          NOT NULL PRIMARY KEY,
    first_day     DATE          NOT NULL,
    written_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by    VARCHAR(100)  NOT NULL
);
