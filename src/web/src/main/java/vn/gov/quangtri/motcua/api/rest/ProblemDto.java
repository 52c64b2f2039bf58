package vn.gov.quangtri.motcua.api.rest;

import java.util.List;

/**
 * RFC 9457 problem details ({@code application/problem+json}) with two extension members:
 * {@code reason}, a stable machine-readable code, and {@code errors}, the items concerned (invalid fields,
 * missing documents…).
 *
 * @param type     URI reference identifying the problem type
 * @param title    short summary of the problem type
 * @param status   HTTP status code
 * @param detail   explanation of this occurrence
 * @param instance request path
 * @param reason   stable code, e.g. {@code INCOMPLETE_DOSSIER}
 * @param errors   items concerned, possibly empty
 */
public record ProblemDto(String type, String title, int status, String detail, String instance, String reason,
                         List<String> errors) {
}
