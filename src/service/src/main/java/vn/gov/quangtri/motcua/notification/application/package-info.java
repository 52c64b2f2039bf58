/**
 * Notifications to applicants (issue 13 §3; docs/architecture.md "Notifications"): {@code MilestoneNotifier}
 * observes {@code dossier.application.DossierChanged} and has {@code Notifications} write the outbox rows in the
 * dossier's transaction; {@code NotificationSender} is the one interface of the channels (implementations and the
 * dispatcher in {@code notification.infrastructure}). May use the notification and dossier domains, the dossier
 * context's application services and {@code account}/{@code audit}; never the dossier's infrastructure.
 */
package vn.gov.quangtri.motcua.notification.application;
