package vn.gov.quangtri.motcua.notification.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.quangtri.motcua.notification.application.NotificationSender;
import vn.gov.quangtri.motcua.notification.application.SendOutcome;
import vn.gov.quangtri.motcua.notification.domain.Notification;
import vn.gov.quangtri.motcua.notification.domain.NotificationChannel;

/**
 * E-mail through the Jakarta Mail {@link Session} the administrator configures in the server (asadmin
 * {@code create-javamail-resource}, JNDI name {@code motcua.notification.mail.jndi-name}, default {@code mail/motcua}):
 * SMTP host, port, TLS, credentials, sender address and timeouts are the resource's settings, never the
 * application's. The session is looked up at every send, so a resource created later works without a redeploy;
 * without one the message is NOT_SENT "not sent: no mail session configured (mail/motcua)". Plain text, UTF-8.
 * Setting {@code motcua.notification.email.enabled} (true) turns the channel off entirely.
 */
@ApplicationScoped
public class MailSender implements NotificationSender {

    @Inject
    @ConfigProperty(name = "motcua.notification.mail.jndi-name", defaultValue = "mail/motcua")
    String jndiName;

    @Inject
    @ConfigProperty(name = "motcua.notification.email.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public SendOutcome send(Notification n) throws Exception {
        Session session;
        try {
            session = (Session) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            return SendOutcome.notSent("not sent: no mail session configured (" + jndiName + ")");
        }
        MimeMessage m = new MimeMessage(session);
        String from = session.getProperty("mail.from");
        if (from != null && !from.isBlank()) {
            m.setFrom(new InternetAddress(from));
        } else {
            m.setFrom();
        }
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(n.recipient(), true));
        m.setSubject(n.subject() == null ? "" : n.subject(), "UTF-8");
        m.setText(n.body(), "UTF-8");
        m.setSentDate(new Date());
        m.setHeader("X-Motcua-Notification", String.valueOf(n.id()));
        Transport.send(m);
        return SendOutcome.SENT;
    }
}
