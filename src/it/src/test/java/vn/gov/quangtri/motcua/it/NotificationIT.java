package vn.gov.quangtri.motcua.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.account.application.SystemTask;
import vn.gov.quangtri.motcua.calendar.application.CalendarService;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.application.ActionTime;
import vn.gov.quangtri.motcua.dossier.application.IntakeOutcome;
import vn.gov.quangtri.motcua.dossier.application.IntakeRequest;
import vn.gov.quangtri.motcua.dossier.application.IntakeService;
import vn.gov.quangtri.motcua.dossier.application.ProcessingService;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierAction;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.notification.application.Notifications;
import vn.gov.quangtri.motcua.notification.domain.Milestone;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;
import vn.gov.quangtri.motcua.notification.domain.NotificationStatus;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Applicant notifications end to end in the deployed application (issue 13 §3, §4): GreenMail, started inside the
 * server on the port of the test domain's mail session {@code mail/motcua} (it-servers.sh: SMTP on portbase + 25),
 * receives the e-mails of each milestone of a marital-status certificate dossier (procedure 1.004873, 3 working days)
 * at Xã Cửa Tùng, in Vietnamese; a refused dossier whose applicant chose English gets the English text; with the SMTP
 * server down the dossier's receipt is committed all the same, its e-mail is FAILED with the reason, and once the
 * server is back an administrator's re-send delivers it.
 */
@MotcuaIT
class NotificationIT {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Deployment
    static EnterpriseArchive ear() throws Exception {
        EnterpriseArchive ear = EarDeployment.withTest(NotificationIT.class);
        ear.getAsType(WebArchive.class, "motcua-web.war").addAsLibraries(jarOf(GreenMail.class),
            jarOf(org.slf4j.LoggerFactory.class));
        return ear;
    }

    private static File jarOf(Class<?> c) throws Exception {
        return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Inject
    IntakeService intake;

    @Inject
    ProcessingService processing;

    @Inject
    Notifications notifications;

    @Inject
    CalendarService calendars;

    private GreenMail smtp;
    private ServerSetup setup;
    private String suffix;

    @BeforeEach
    void startSmtp() throws Exception {
        Session session = (Session) new InitialContext().lookup("mail/motcua");
        String port = session.getProperty("mail.smtp.port");
        assertNotNull(port, "the test domain's mail session names an SMTP port: " + session.getProperties());
        setup = new ServerSetup(Integer.parseInt(port), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(setup);
        smtp.start();
        suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static Instant vn(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private IntakeRequest certificate(Applicant applicant, IntakeOutcome outcome, String refusal) {
        return new IntakeRequest("1.004873", "QT25.XA_CUA_TUNG", Channel.DIRECT, applicant,
            List.of(new DocumentLine(1, null, DocumentForm.ORIGINAL, 1)), vn(2026, 3, 2, 10, 0), outcome, null, refusal,
            null);
    }

    /** The e-mails GreenMail received for one address so far. */
    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                mine.add(m);
            }
        }
        return mine;
    }

    /** Waits for the n-th e-mail to an address and returns it. */
    private MimeMessage awaitMail(String address, int n) throws Exception {
        return Await.until(n + " e-mail(s) to " + address, 30_000, 200, () -> {
            try {
                List<MimeMessage> mine = mailsTo(address);
                return mine.size() >= n ? mine.get(n - 1) : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String text(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n").strip();
    }

    private List<Notification> rows(String code) {
        return SystemTask.run(() -> notifications.list(null, code, 100));
    }

    private Notification row(String code, Milestone milestone, NotificationChannel channel) {
        return rows(code).stream().filter(n -> n.milestone() == milestone && n.channel() == channel).findFirst()
            .orElse(null);
    }

    @Test
    @DisplayName("Each milestone e-mails the applicant in Vietnamese with the dossier's facts; SMS rows go to the log")
    void milestonesInVietnamese() throws Exception {
        String email = "dung." + suffix + "@example.vn";
        String name = "Trần Thị Mỹ Dung " + suffix;
        Dossier d = SystemTask.run("it.desk", () -> intake.lodge(certificate(new Applicant(Applicant.Kind.INDIVIDUAL,
            name, "045199001234", "0912345678", email, "xã Cửa Tùng"), IntakeOutcome.RECEIVE, null)));
        String code = d.code();
        String link = "/motcua/public/lookup.xhtml?code=" + code;

        // Receipt: Mon 2/3/2026 10:00 + 3 working days = Thu 5/3/2026 10:00.
        MimeMessage received = awaitMail(email, 1);
        assertEquals("Hồ sơ " + code + " đã được tiếp nhận", received.getSubject());
        String body = text(received);
        assertTrue(body.startsWith("Kính gửi " + name + ",\n\nXã Cửa Tùng đã tiếp nhận hồ sơ " + code
            + " của Ông/Bà về thủ tục \"Cấp Giấy xác nhận tình trạng hôn nhân\".\nNgày hẹn trả kết quả: 05/03/2026 10:00."),
            body);
        assertTrue(body.contains(link + " (nhập mã tra cứu in trên Giấy tiếp nhận hồ sơ"), body);
        assertTrue(body.endsWith("Bộ phận Một cửa - Xã Cửa Tùng"), body);
        assertEquals("motcua@localhost", received.getFrom()[0].toString());
        // The phone gets the short text through the log-only SMS sender (the default); Zalo is off by default.
        Notification sms = Await.until("SMS logged", 30_000, 200, () -> {
            Notification n = row(code, Milestone.RECEIVED, NotificationChannel.SMS);
            return n != null && n.status() == NotificationStatus.SENT ? n : null;
        });
        assertEquals("Xã Cửa Tùng: đã tiếp nhận hồ sơ " + code + ", hẹn trả kết quả 05/03/2026 10:00. Tra cứu: ",
            sms.body().substring(0, sms.body().indexOf("Tra cứu: ") + "Tra cứu: ".length()));
        assertNull(row(code, Milestone.RECEIVED, NotificationChannel.ZALO));

        // Supplement request: what to bring, one per line, and the officer's note.
        SystemTask.run("it.desk", () -> processing.completeStep(code, null, ActionTime.NOW, null));
        SystemTask.run("it.specialist", () -> processing.requestSupplement(code,
            List.of("Bản sao Giấy chứng nhận kết hôn", "Giấy chứng tử của chồng"), "Mang bản chính để đối chiếu",
            ActionTime.NOW, null));
        MimeMessage supplement = awaitMail(email, 2);
        assertEquals("Hồ sơ " + code + ": đề nghị bổ sung, hoàn thiện hồ sơ", supplement.getSubject());
        assertTrue(text(supplement).contains("cần được bổ sung, hoàn thiện. Đề nghị Ông/Bà nộp bổ sung tại Xã Cửa Tùng:\n"
            + "- Bản sao Giấy chứng nhận kết hôn\n- Giấy chứng tử của chồng\nMang bản chính để đối chiếu\n"), text(supplement));
        SystemTask.run("it.desk", () -> processing.resume(code, "Đã bổ sung", ActionTime.NOW, null));

        // Financial obligation: the officer's text with the amount; the catalogue gives no fee for 1.004873.
        SystemTask.run("it.specialist", () -> processing.requestFinancialObligation(code,
            "Nộp lệ phí 15.000 đồng tại Bộ phận Một cửa", ActionTime.NOW, null));
        MimeMessage obligation = awaitMail(email, 3);
        assertEquals("Hồ sơ " + code + ": thông báo thực hiện nghĩa vụ tài chính", obligation.getSubject());
        assertTrue(text(obligation).contains("(thủ tục \"Cấp Giấy xác nhận tình trạng hôn nhân\"):\n"
            + "Nộp lệ phí 15.000 đồng tại Bộ phận Một cửa\nPhí, lệ phí của thủ tục: theo quy định."), text(obligation));
        SystemTask.run("it.desk", () -> processing.resume(code, "Đã nộp", ActionTime.NOW, null));

        // Apology with a new appointment (the dossier is long overdue): 10:00 on a working day about two weeks ahead.
        WorkingCalendar calendar = calendars.current();
        LocalDate day = calendar.nextWorkingDay(LocalDate.now(VietnamTime.ZONE).plusDays(14));
        while (!calendar.isWorkingDay(day)) {
            day = calendar.nextWorkingDay(day);
        }
        Instant newDue = day.atTime(10, 0).atZone(VietnamTime.ZONE).toInstant();
        SystemTask.run("it.leader", () -> processing.reschedule(code, newDue, "Chờ xác minh tại địa phương khác",
            ActionTime.NOW, null));
        MimeMessage apology = awaitMail(email, 4);
        assertEquals("Hồ sơ " + code + ": thư xin lỗi và hẹn lại ngày trả kết quả", apology.getSubject());
        assertTrue(text(apology).contains("Xã Cửa Tùng thành thật xin lỗi Ông/Bà vì hồ sơ " + code
            + " (thủ tục \"Cấp Giấy xác nhận tình trạng hôn nhân\") không trả kết quả được theo ngày hẹn 05/03/2026 10:00.\n"
            + "Lý do: Chờ xác minh tại địa phương khác\nNgày hẹn trả kết quả mới: " + TIME.format(day.atTime(10, 0))
            + "."), text(apology));

        // Result ready: the remaining steps (approval, desk).
        for (int i = 0; i < 6; i++) {
            Dossier now = SystemTask.run(() -> processing.find(code));
            if (now.status() == DossierStatus.RESULT_READY) {
                break;
            }
            boolean approve = SystemTask.run(() -> processing.allowedActions(processing.find(code)))
                .contains(DossierAction.APPROVE);
            SystemTask.run("it.officer", () -> approve ? processing.approve(code, null, ActionTime.NOW, null)
                : processing.completeStep(code, null, ActionTime.NOW, null));
        }
        assertEquals(DossierStatus.RESULT_READY, SystemTask.run(() -> processing.find(code)).status());
        MimeMessage result = awaitMail(email, 5);
        assertEquals("Hồ sơ " + code + ": đã có kết quả", result.getSubject());
        assertTrue(text(result).contains("Mời Ông/Bà đến Xã Cửa Tùng nhận kết quả, mang theo Giấy tiếp nhận hồ sơ và hẹn"
            + " trả kết quả."), text(result));

        // Five e-mails, one per milestone, each SENT once; the outbox lists them with their attempts.
        Thread.sleep(1000);
        assertEquals(5, mailsTo(email).size());
        List<Notification> mails = rows(code).stream().filter(n -> n.channel() == NotificationChannel.EMAIL).toList();
        assertEquals(List.of(Milestone.RESULT_READY, Milestone.RESCHEDULED, Milestone.FINANCIAL_OBLIGATION,
            Milestone.SUPPLEMENT_REQUESTED, Milestone.RECEIVED), mails.stream().map(Notification::milestone).toList());
        assertTrue(mails.stream().allMatch(n -> n.status() == NotificationStatus.SENT && n.attempts() == 1),
            String.valueOf(mails.stream().map(n -> n.status() + "/" + n.attempts()).toList()));
    }

    @Test
    @DisplayName("A refusal at the desk reaches an applicant who chose English in English, with the reason")
    void refusalInEnglish() throws Exception {
        String email = "an." + suffix + "@example.com";
        Dossier d = SystemTask.run("it.desk", () -> intake.lodge(certificate(new Applicant(Applicant.Kind.INDIVIDUAL,
            "Nguyen Van An " + suffix, null, null, email, null, "en"), IntakeOutcome.REFUSE,
            "Không thuộc thẩm quyền của xã")));
        MimeMessage m = awaitMail(email, 1);
        assertEquals("Dossier " + d.code() + ": your dossier cannot be processed", m.getSubject());
        assertTrue(text(m).startsWith("Dear Nguyen Van An " + suffix + ",\n\nXã Cửa Tùng regrets that your dossier "
            + d.code() + " for the procedure \"Cấp Giấy xác nhận tình trạng hôn nhân\" cannot be processed.\n"
            + "Reason: Không thuộc thẩm quyền của xã"), text(m));
        assertEquals("en", row(d.code(), Milestone.REFUSED, NotificationChannel.EMAIL).language());
    }

    @Test
    @DisplayName("SMTP down: the receipt is committed, its e-mail FAILED with the reason; back up, a re-send delivers it")
    void smtpDownThenResent() throws Exception {
        smtp.stop();
        String email = "binh." + suffix + "@example.vn";
        Dossier d = SystemTask.run("it.desk", () -> intake.lodge(certificate(new Applicant(Applicant.Kind.INDIVIDUAL,
            "Hoàng Văn Bình " + suffix, null, null, email, null), IntakeOutcome.RECEIVE, null)));
        String code = d.code();
        // The change is committed whatever the mail server does.
        assertEquals(DossierStatus.RECEIVED, SystemTask.run(() -> processing.find(code)).status());
        Notification failed = Await.until("the e-mail fails", 30_000, 200, () -> {
            Notification n = row(code, Milestone.RECEIVED, NotificationChannel.EMAIL);
            return n != null && n.status() == NotificationStatus.FAILED ? n : null;
        });
        assertEquals(1, failed.attempts());
        assertNotNull(failed.lastError());
        assertTrue(failed.lastError().contains("MailConnectException") || failed.lastError().contains("onnect"),
            failed.lastError());
        assertNotNull(failed.nextAttemptAt(), "a retry is planned");
        assertEquals(DossierStatus.RECEIVED, SystemTask.run(() -> processing.find(code)).status());

        smtp = new GreenMail(setup);
        smtp.start();
        SystemTask.run("it.admin", () -> notifications.resend(failed.id()));
        MimeMessage m = awaitMail(email, 1);
        assertEquals("Hồ sơ " + code + " đã được tiếp nhận", m.getSubject());
        Notification sent = Await.until("marked sent", 30_000, 200, () -> {
            Notification n = row(code, Milestone.RECEIVED, NotificationChannel.EMAIL);
            return n.status() == NotificationStatus.SENT ? n : null;
        });
        assertEquals(1, sent.attempts());
        assertNull(sent.lastError());
    }
}
