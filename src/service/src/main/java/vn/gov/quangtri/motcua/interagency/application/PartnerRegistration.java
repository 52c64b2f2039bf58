package vn.gov.quangtri.motcua.interagency.application;

import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;

/**
 * A registered partner with the API key it must present to us. The key is shown once (only its SHA-256
 * hash is stored); hand it to the partner over a secure channel.
 */
public record PartnerRegistration(PartnerSystem partner, String apiKey) {

    @Override
    public String toString() {
        return "PartnerRegistration[" + partner.code() + ", apiKey=***]";
    }
}
