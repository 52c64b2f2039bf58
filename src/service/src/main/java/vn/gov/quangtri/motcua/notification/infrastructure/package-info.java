/**
 * Delivery of applicant notifications: {@code NotificationDispatcher} (timer and after-commit start), the channel
 * senders {@code MailSender} (Jakarta Mail session from the server, JNDI {@code mail/motcua}), {@code SmsSender} and
 * {@code ZaloSender} over {@code GatewayChannel} (log only, or a generic HTTP gateway). May use
 * {@code notification.application} and {@code account.application.SystemTask}.
 */
package vn.gov.quangtri.motcua.notification.infrastructure;
