package vn.gov.quangtri.motcua.api.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.shared.domain.ConflictException;
import vn.gov.quangtri.motcua.shared.domain.ForbiddenException;
import vn.gov.quangtri.motcua.shared.domain.NotFoundException;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/** Refusals become faults with the same reasons and status codes as the REST problems, never a stack trace. */
class InterAgencyEndpointFaultTest {

    private static ExchangeFaultInfo info(RuntimeException e) {
        ExchangeFault f = InterAgencyEndpoint.fault(e);
        assertEquals(0, f.getStackTrace().length, "no stack trace");
        assertTrue(f.getMessage().startsWith(f.getFaultInfo().getReason() + ": "), f.getMessage());
        return f.getFaultInfo();
    }

    @Test
    void reasonsAndStatuses() {
        ExchangeFaultInfo unauth = info(new EJBException(new ForbiddenException("PARTNER_UNAUTHENTICATED", "no key")));
        assertEquals(List.of("PARTNER_UNAUTHENTICATED", "401"), List.of(unauth.getReason(), "" + unauth.getStatus()));
        ExchangeFaultInfo header = info(new RuleViolationException("INVALID_XROAD_HEADER", "bad",
                List.of("client: x", "userId: y")));
        assertEquals(400, header.getStatus());
        assertEquals(List.of("client: x", "userId: y"), header.getErrors());
        assertEquals(400, info(new RuleViolationException("MALFORMED_PAYLOAD", "bad")).getStatus());
        assertEquals(404, info(new RuleViolationException("UNKNOWN_OPERATION", "bad")).getStatus());
        assertEquals(404, info(new NotFoundException("transfer", "x")).getStatus());
        assertEquals(403, info(new ForbiddenException("PARTNER_NOT_ADDRESSEE", "x")).getStatus());
        assertEquals(409, info(new ConflictException("MESSAGE_ID_REUSED", "x")).getStatus());
        assertEquals(422, info(new RuleViolationException("UNKNOWN_AGENCY", "x")).getStatus());
        ExchangeFaultInfo internal = info(new IllegalStateException("secret internals"));
        assertEquals(List.of("INTERNAL_ERROR", "500"), List.of(internal.getReason(), "" + internal.getStatus()));
        assertTrue(!internal.getDetail().contains("secret"), internal.getDetail());
    }
}
