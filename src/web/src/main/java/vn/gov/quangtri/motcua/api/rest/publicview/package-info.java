/**
 * The public JSON API under {@code /api/v1/public} (no sign-in): the citizens' status lookup. Nothing here reads
 * staff data; the authentication mechanism never challenges these paths ({@code MotcuaAuthenticationMechanism}).
 */
package vn.gov.quangtri.motcua.api.rest.publicview;
