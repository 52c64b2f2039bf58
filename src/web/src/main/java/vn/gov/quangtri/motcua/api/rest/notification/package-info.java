/** REST for administrators over the applicants' notifications (issue 13 §3): the outbox and re-sending. */
package vn.gov.quangtri.motcua.api.rest.notification;
