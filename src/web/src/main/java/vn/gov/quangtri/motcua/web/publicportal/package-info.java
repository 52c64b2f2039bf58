/**
 * Public pages under {@code /public} (no sign-in, no session): the citizens' status lookup. They use only
 * {@code dossier.application.PublicLookup} and {@code LookupAttempts}, never staff data.
 */
package vn.gov.quangtri.motcua.web.publicportal;
