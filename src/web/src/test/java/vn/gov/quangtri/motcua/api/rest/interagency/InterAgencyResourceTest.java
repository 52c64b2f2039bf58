package vn.gov.quangtri.motcua.api.rest.interagency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.interagency.application.InboundOutcome;
import vn.gov.quangtri.motcua.interagency.application.InboundReceipt;

/** The REST answer is the stored outcome, the same bytes for the first delivery and every repeat. */
class InterAgencyResourceTest {

    @Test
    void outcomeJson() {
        InboundOutcome o = new InboundOutcome("ACCEPTED", "{\"transferId\":\"t-1\",\"status\":\"ACKNOWLEDGED\"}");
        String first = InterAgencyResource.outcomeJson(new InboundReceipt(o, false));
        assertEquals("{\"status\":\"ACCEPTED\",\"body\":{\"transferId\":\"t-1\",\"status\":\"ACKNOWLEDGED\"}}", first);
        assertEquals(first, InterAgencyResource.outcomeJson(new InboundReceipt(o, true)));
        assertEquals("{\"status\":\"OK\",\"body\":null}",
            InterAgencyResource.outcomeJson(new InboundReceipt(new InboundOutcome("OK", null), false)));
    }
}
