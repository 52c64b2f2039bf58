-- Our own history of the batch executions (issue 14 §1, helper A): Payara's JBatch repository filters its executions
-- by an application tag that changes on every redeploy of the EAR, so the job history screen and
-- GET /api/v1/batch/executions lost the earlier executions. One row per execution, keyed by the runtime's execution id
-- (an identity of the runtime's own tables in this database: it never repeats across redeploys), written by the job
-- and step listeners and by BatchJobs; listings read only this table. Runs unchanged on PostgreSQL 15 and H2 2.2.
--   status            the runtime's batch status as last seen (STARTING … COMPLETED, FAILED, STOPPED); the listing
--                     shows ABANDONED when abandoned_reason is set
--   items_*           counts so far (updated at every checkpoint while the step runs, final when it ends);
--                     items_written counts what was really written (e.g. overdue events newly recorded)
--   checkpoint        the reader's position after the last committed chunk (text: a dossier/transfer id or a day),
--                     written in the chunk's transaction; a new execution that follows an abandoned one continues
--                     after it (resumed_from = the abandoned execution, resumed_checkpoint = its position then)
--   restart_of        the FAILED/STOPPED execution this one restarts through the runtime (its own checkpoint)
CREATE TABLE batch_execution (
    execution_id        BIGINT        NOT NULL PRIMARY KEY,
    job_name            VARCHAR(60)   NOT NULL,
    started_by          VARCHAR(100),
    server              VARCHAR(200),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    ended_at            TIMESTAMP WITH TIME ZONE,
    status              VARCHAR(20)   NOT NULL,
    exit_status         VARCHAR(600),
    items_read          BIGINT        NOT NULL DEFAULT 0,
    items_written       BIGINT        NOT NULL DEFAULT 0,
    items_skipped       BIGINT        NOT NULL DEFAULT 0,
    failure_reason      VARCHAR(1000),
    abandoned_reason    VARCHAR(1000),
    abandoned_at        TIMESTAMP WITH TIME ZONE,
    restart_of          BIGINT,
    resumed_from        BIGINT,
    resumed_checkpoint  VARCHAR(200),
    checkpoint_step     VARCHAR(60),
    checkpoint          VARCHAR(200),
    checkpoint_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX batch_execution_job_idx ON batch_execution (job_name, execution_id);

-- The abandonments recorded before this table existed.
INSERT INTO batch_execution (execution_id, job_name, server, created_at, status, abandoned_reason, abandoned_at,
                             failure_reason)
SELECT execution_id, job_name, abandoned_by, abandoned_at, 'STARTED', reason, abandoned_at, reason
FROM batch_abandoned;

-- The OVERDUE milestone of the applicants' notification outbox (issue 14 §1): the deadline sweep, when it records a
-- dossier's overdue event (once, dossier_overdue's key), tells the applicant in the same transaction.
INSERT INTO notification_template (milestone, language, subject, body, short_text) VALUES
('OVERDUE', 'vi', 'Hồ sơ {{code}} đã quá hạn trả kết quả',
 'Kính gửi {{applicant}},' || CHR(10) || CHR(10)
 || 'Hồ sơ {{code}} của Ông/Bà về thủ tục "{{procedure}}" chưa có kết quả theo ngày hẹn {{appointment}}.' || CHR(10)
 || '{{unit}} thành thật xin lỗi Ông/Bà về sự chậm trễ này và sẽ gửi thư xin lỗi, hẹn lại ngày trả kết quả.' || CHR(10) || CHR(10)
 || 'Tra cứu tình trạng hồ sơ: {{link}}' || CHR(10) || CHR(10)
 || 'Bộ phận Một cửa - {{unit}}',
 '{{unit}}: hồ sơ {{code}} đã quá hạn trả kết quả (hẹn {{appointment}}), xin lỗi Ông/Bà. Tra cứu: {{link}}'),
('OVERDUE', 'en', 'Dossier {{code}} is overdue',
 'Dear {{applicant}},' || CHR(10) || CHR(10)
 || 'Your dossier {{code}} for the procedure "{{procedure}}" has no result yet although the appointment was {{appointment}}.' || CHR(10)
 || '{{unit}} sincerely apologises for the delay and will send you an apology letter with a new appointment.' || CHR(10) || CHR(10)
 || 'Follow your dossier: {{link}}' || CHR(10) || CHR(10)
 || 'One-stop desk - {{unit}}',
 '{{unit}}: dossier {{code}} is overdue (appointment {{appointment}}), our apologies. Follow it: {{link}}');
