/**
 * Notifications to applicants (issue 13 §3; docs/domain.md §2.14): the milestones of a dossier that are
 * announced ({@code Milestone}), the channels ({@code NotificationChannel}), the outbox row
 * ({@code Notification}, its status and retry schedule, reusing the exchange's {@code interagency.domain.Backoff}),
 * the editable texts ({@code NotificationTemplate}) and their rendering ({@code TemplateText},
 * {@code MilestoneFacts}). Plain Java with JPA mapping annotations; may use other {@code *.domain} packages; no
 * EJB, CDI, JAX-RS, Faces or service code.
 */
package vn.gov.quangtri.motcua.notification.domain;
