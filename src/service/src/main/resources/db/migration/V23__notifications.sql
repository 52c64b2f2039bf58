-- Issue 13 §3: notifications to applicants at the milestones of their dossier. Same statements on H2 2.2 and
-- PostgreSQL 15; conventions of V1: instants are TIMESTAMP WITH TIME ZONE (case C12), entity sequences
-- increment by the JPA allocation size 50 (case C22).

-- The language the applicant chose for messages ('vi' or 'en'); dossiers received before: Vietnamese.
ALTER TABLE dossier ADD COLUMN applicant_language VARCHAR(5) DEFAULT 'vi' NOT NULL;

-- The durable outbox of messages to applicants: one row per milestone and channel, written in the
-- dossier's transaction with the text already rendered, sent after the commit by the dispatcher.
-- status: PENDING (waiting for its first attempt), SENT, FAILED (last attempt failed; next_attempt_at is the
-- retry, NULL once the attempts are used up), NOT_SENT (cannot be sent: no mail session, no gateway).
CREATE SEQUENCE notification_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE notification (
    id               BIGINT        NOT NULL PRIMARY KEY,
    dossier_code     VARCHAR(40)   NOT NULL REFERENCES dossier (code),
    agency_code      VARCHAR(60)   NOT NULL,
    milestone        VARCHAR(30)   NOT NULL,
    channel          VARCHAR(10)   NOT NULL,
    language         VARCHAR(5)    NOT NULL,
    recipient        VARCHAR(200)  NOT NULL,
    subject          VARCHAR(500),
    body             VARCHAR(8000) NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    sent_at          TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    version          BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX notification_due_idx ON notification (status, next_attempt_at);
CREATE INDEX notification_dossier_idx ON notification (dossier_code);
CREATE INDEX notification_created_idx ON notification (created_at);

-- The texts, one per milestone and language, editable by system administrators. Placeholders {{name}}:
-- applicant, code, procedure, unit, appointment, newAppointment, items, details, fee, reason, link.
-- subject and body for e-mail, short_text for SMS and Zalo.
CREATE TABLE notification_template (
    milestone   VARCHAR(30)   NOT NULL,
    language    VARCHAR(5)    NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    short_text  VARCHAR(1000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE,
    updated_by  VARCHAR(100),
    version     BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (milestone, language)
);

INSERT INTO notification_template (milestone, language, subject, body, short_text) VALUES
('RECEIVED', 'vi', 'Hồ sơ {{code}} đã được tiếp nhận',
 'Kính gửi {{applicant}},' || CHR(10) || CHR(10)
 || '{{unit}} đã tiếp nhận hồ sơ {{code}} của Ông/Bà về thủ tục "{{procedure}}".' || CHR(10)
 || 'Ngày hẹn trả kết quả: {{appointment}}.' || CHR(10) || CHR(10)
 || 'Tra cứu tình trạng hồ sơ: {{link}} (nhập mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả).' || CHR(10) || CHR(10)
 || 'Bộ phận Một cửa - {{unit}}',
 '{{unit}}: đã tiếp nhận hồ sơ {{code}}, hẹn trả kết quả {{appointment}}. Tra cứu: {{link}}'),
('RECEIVED', 'en', 'Dossier {{code}} has been received',
 'Dear {{applicant}},' || CHR(10) || CHR(10)
 || '{{unit}} has received your dossier {{code}} for the procedure "{{procedure}}".' || CHR(10)
 || 'Appointment for the result: {{appointment}}.' || CHR(10) || CHR(10)
 || 'Follow your dossier: {{link}} (enter the lookup secret printed on your receipt slip).' || CHR(10) || CHR(10)
 || 'One-stop desk - {{unit}}',
 '{{unit}}: dossier {{code}} received, result due {{appointment}}. Follow it: {{link}}'),
('SUPPLEMENT_REQUESTED', 'vi', 'Hồ sơ {{code}}: đề nghị bổ sung, hoàn thiện hồ sơ',
 'Kính gửi {{applicant}},' || CHR(10) || CHR(10)
 || 'Hồ sơ {{code}} của Ông/Bà về thủ tục "{{procedure}}" cần được bổ sung, hoàn thiện. Đề nghị Ông/Bà nộp bổ sung tại {{unit}}:' || CHR(10)
 || '{{items}}' || CHR(10)
 || '{{details}}' || CHR(10) || CHR(10)
 || 'Tra cứu tình trạng hồ sơ: {{link}}' || CHR(10) || CHR(10)
 || 'Bộ phận Một cửa - {{unit}}',
 '{{unit}}: hồ sơ {{code}} cần bổ sung: {{items}}. Tra cứu: {{link}}'),
('SUPPLEMENT_REQUESTED', 'en', 'Dossier {{code}}: please complete your dossier',
 'Dear {{applicant}},' || CHR(10) || CHR(10)
 || 'Your dossier {{code}} for the procedure "{{procedure}}" needs to be completed. Please bring to {{unit}}:' || CHR(10)
 || '{{items}}' || CHR(10)
 || '{{details}}' || CHR(10) || CHR(10)
 || 'Follow your dossier: {{link}}' || CHR(10) || CHR(10)
 || 'One-stop desk - {{unit}}',
 '{{unit}}: dossier {{code}} needs: {{items}}. Follow it: {{link}}'),
('FINANCIAL_OBLIGATION', 'vi', 'Hồ sơ {{code}}: thông báo thực hiện nghĩa vụ tài chính',
 'Kính gửi {{applicant}},' || CHR(10) || CHR(10)
 || 'Đề nghị Ông/Bà thực hiện nghĩa vụ tài chính đối với hồ sơ {{code}} (thủ tục "{{procedure}}"):' || CHR(10)
 || '{{details}}' || CHR(10)
 || 'Phí, lệ phí của thủ tục: {{fee}}.' || CHR(10)
 || 'Thời gian giải quyết tạm dừng cho đến khi Ông/Bà hoàn thành nghĩa vụ tài chính.' || CHR(10) || CHR(10)
 || 'Tra cứu tình trạng hồ sơ: {{link}}' || CHR(10) || CHR(10)
 || 'Bộ phận Một cửa - {{unit}}',
 '{{unit}}: hồ sơ {{code}} chờ thực hiện nghĩa vụ tài chính: {{details}}. Tra cứu: {{link}}'),
('FINANCIAL_OBLIGATION', 'en', 'Dossier {{code}}: financial obligation to fulfil',
 'Dear {{applicant}},' || CHR(10) || CHR(10)
 || 'Please fulfil the financial obligation of your dossier {{code}} (procedure "{{procedure}}"):' || CHR(10)
 || '{{details}}' || CHR(10)
 || 'Fees of the procedure: {{fee}}.' || CHR(10)
 || 'The processing time is paused until the obligation is fulfilled.' || CHR(10) || CHR(10)
 || 'Follow your dossier: {{link}}' || CHR(10) || CHR(10)
 || 'One-stop desk - {{unit}}',
 '{{unit}}: dossier {{code}} waits for your financial obligation: {{details}}. Follow it: {{link}}'),
('RESULT_READY', 'vi', 'Hồ sơ {{code}}: đã có kết quả',
 'Kính gửi {{applicant}},' || CHR(10) || CHR(10)
 || 'Hồ sơ {{code}} của Ông/Bà về thủ tục "{{procedure}}" đã có kết quả. Mời Ông/Bà đến {{unit}} nhận kết quả, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.' || CHR(10) || CHR(10)
 || 'Tra cứu tình trạng hồ sơ: {{link}}' || CHR(10) || CHR(10)
 || 'Bộ phận Một cửa - {{unit}}',
 '{{unit}}: hồ sơ {{code}} đã có kết quả, mời Ông/Bà đến nhận. Tra cứu: {{link}}'),
('RESULT_READY', 'en', 'Dossier {{code}}: the result is ready',
 'Dear {{applicant}},' || CHR(10) || CHR(10)
 || 'The result of your dossier {{code}} for the procedure "{{procedure}}" is ready. Please collect it at {{unit}} and bring your receipt slip.' || CHR(10) || CHR(10)
 || 'Follow your dossier: {{link}}' || CHR(10) || CHR(10)
 || 'One-stop desk - {{unit}}',
 '{{unit}}: the result of dossier {{code}} is ready for collection. Follow it: {{link}}'),
('RESCHEDULED', 'vi', 'Hồ sơ {{code}}: thư xin lỗi và hẹn lại ngày trả kết quả',
 'Kính gửi {{applicant}},' || CHR(10) || CHR(10)
 || '{{unit}} thành thật xin lỗi Ông/Bà vì hồ sơ {{code}} (thủ tục "{{procedure}}") không trả kết quả được theo ngày hẹn {{appointment}}.' || CHR(10)
 || 'Lý do: {{reason}}' || CHR(10)
 || 'Ngày hẹn trả kết quả mới: {{newAppointment}}.' || CHR(10) || CHR(10)
 || 'Tra cứu tình trạng hồ sơ: {{link}}' || CHR(10) || CHR(10)
 || 'Bộ phận Một cửa - {{unit}}',
 '{{unit}} xin lỗi: hồ sơ {{code}} được hẹn lại ngày trả kết quả {{newAppointment}}. Tra cứu: {{link}}'),
('RESCHEDULED', 'en', 'Dossier {{code}}: our apology and a new appointment',
 'Dear {{applicant}},' || CHR(10) || CHR(10)
 || '{{unit}} sincerely apologises: the result of your dossier {{code}} (procedure "{{procedure}}") could not be ready by the appointment {{appointment}}.' || CHR(10)
 || 'Reason: {{reason}}' || CHR(10)
 || 'New appointment: {{newAppointment}}.' || CHR(10) || CHR(10)
 || 'Follow your dossier: {{link}}' || CHR(10) || CHR(10)
 || 'One-stop desk - {{unit}}',
 '{{unit}} apologises: dossier {{code}} has a new appointment {{newAppointment}}. Follow it: {{link}}'),
('REFUSED', 'vi', 'Hồ sơ {{code}}: thông báo không giải quyết hồ sơ',
 'Kính gửi {{applicant}},' || CHR(10) || CHR(10)
 || '{{unit}} thông báo không giải quyết hồ sơ {{code}} của Ông/Bà về thủ tục "{{procedure}}".' || CHR(10)
 || 'Lý do: {{reason}}' || CHR(10) || CHR(10)
 || 'Tra cứu tình trạng hồ sơ: {{link}}' || CHR(10) || CHR(10)
 || 'Bộ phận Một cửa - {{unit}}',
 '{{unit}}: hồ sơ {{code}} không được giải quyết. Lý do: {{reason}}. Tra cứu: {{link}}'),
('REFUSED', 'en', 'Dossier {{code}}: your dossier cannot be processed',
 'Dear {{applicant}},' || CHR(10) || CHR(10)
 || '{{unit}} regrets that your dossier {{code}} for the procedure "{{procedure}}" cannot be processed.' || CHR(10)
 || 'Reason: {{reason}}' || CHR(10) || CHR(10)
 || 'Follow your dossier: {{link}}' || CHR(10) || CHR(10)
 || 'One-stop desk - {{unit}}',
 '{{unit}}: dossier {{code}} cannot be processed. Reason: {{reason}}. Follow it: {{link}}');
