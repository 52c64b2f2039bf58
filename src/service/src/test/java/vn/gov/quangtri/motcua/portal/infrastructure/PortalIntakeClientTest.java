package vn.gov.quangtri.motcua.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.portal.domain.OnlineSubmission;

/** The check of a file downloaded from the portal against what the portal announced (issue 15 §3a). */
class PortalIntakeClientTest {

    private static final OnlineSubmission.FileRef ANNOUNCED = new OnlineSubmission.FileRef(1, "Đơn đề nghị.pdf",
        "application/pdf", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "/f/1", null);

    @Test
    void sizeThenHash() {
        // SHA-256("abc"), the FIPS 180-2 example
        assertNull(PortalIntakeClient.mismatch(ANNOUNCED, 3,
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
        assertEquals("Tệp \"Đơn đề nghị.pdf\" có 2 byte, Cổng báo 3 byte",
            PortalIntakeClient.mismatch(ANNOUNCED, 2, ANNOUNCED.sha256()));
        assertEquals("Tệp \"Đơn đề nghị.pdf\" có SHA-256 " + "0".repeat(64) + ", Cổng báo " + ANNOUNCED.sha256(),
            PortalIntakeClient.mismatch(ANNOUNCED, 3, "0".repeat(64)));
    }
}
