package vn.gov.quangtri.motcua.interagency.application;

import java.util.Set;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;

/**
 * What an administrator enters for a partner system.
 *
 * @param code                  partner code, e.g. {@code QT-THUE}
 * @param name                  display name
 * @param agencyCodes           agencies the partner serves (speaks for)
 * @param endpointUrl           http(s) URL of its endpoint
 * @param style                 REST or SOAP
 * @param outboundCredentialRef name of the server password alias holding the credential we present to it
 */
public record PartnerSpec(String code, String name, Set<String> agencyCodes, String endpointUrl, EndpointStyle style,
                          String outboundCredentialRef) {
}
