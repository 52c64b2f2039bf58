package vn.gov.quangtri.motcua.interagency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.interagency.domain.EndpointStyle;
import vn.gov.quangtri.motcua.interagency.domain.PartnerSystem;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * Security issue 16 §1 in {@link PartnerRegistry}: the policy is enforced at registration and change, every change
 * is audited with the values before and after, and a partner can always be taken out of service.
 */
class PartnerRegistryPolicyTest {

    private ExchangeFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private long count(String table) {
        return ((Number) fixture.bed.em().createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
    }

    @Test
    @DisplayName("Registration and change refused outside the policy, nothing stored; deactivation always possible; audited")
    void policyAndAudit() {
        fixture = new ExchangeFixture("h2");
        PartnerRegistry partners = fixture.partners;
        partners.policy = new PartnerPolicy(Set.of(), false, java.net.InetAddress::getAllByName); // production
        long partnersBefore = count("partner_system");
        long auditBefore = count("admin_audit");
        RuntimeException secret = fixture.bed.failing(() -> partners.register(new PartnerSpec("QT-EVIL", "X",
            Set.of(ExchangeFixture.COMMUNE), "https://lgsp.quangtri.gov.vn/x", EndpointStyle.REST, "MOTCUA_DB_NAME"),
            "quantri.tinh"));
        assertEquals("INVALID_PARTNER", ((RuleViolationException) secret).reason());
        assertTrue(((RuleViolationException) secret).details().get(0).startsWith("outboundCredentialRef: "));
        RuntimeException loopback = fixture.bed.failing(() -> partners.register(new PartnerSpec("QT-EVIL", "X",
            Set.of(ExchangeFixture.COMMUNE), "http://127.0.0.1:5432/", EndpointStyle.REST, "motcua-partner-x"),
            "quantri.tinh"));
        assertEquals(List.of("endpointUrl: https is required; plain http only for hosts listed in "
            + PartnerPolicy.ALLOW_HTTP_HOSTS), ((RuleViolationException) loopback).details());
        assertEquals(partnersBefore, count("partner_system"));
        assertEquals(auditBefore, count("admin_audit"));

        // The fixture's loopback partners (http://localhost) predate this policy: a change keeping them active is
        // refused, taking them out of service is not.
        PartnerSystem dat = fixture.bed.em().find(PartnerSystem.class, ExchangeFixture.DAT);
        RuntimeException keep = fixture.bed.failing(() -> partners.update(new PartnerSpec(dat.code(), "Đổi tên",
            dat.agencyCodes(), dat.endpointUrl(), dat.style(), dat.outboundCredentialRef()), true, "quantri.tinh", "Đổi tên"));
        assertEquals("INVALID_PARTNER", ((RuleViolationException) keep).reason());
        fixture.bed.tx(() -> partners.update(new PartnerSpec(dat.code(), dat.name(), dat.agencyCodes(), dat.endpointUrl(),
            dat.style(), dat.outboundCredentialRef()), false, "quantri.tinh", "Công văn 12/STTTT ngừng kết nối"));
        fixture.bed.em().clear();
        assertFalse(fixture.bed.em().find(PartnerSystem.class, ExchangeFixture.DAT).active());
        RuntimeException sneak = fixture.bed.failing(() -> partners.update(new PartnerSpec(dat.code(), dat.name(),
            dat.agencyCodes(), dat.endpointUrl(), dat.style(), "MOTCUA_DB_PASSWORD"), false, "quantri.tinh", "r"));
        assertEquals("INVALID_PARTNER", ((RuleViolationException) sneak).reason(), "a new reference is checked even so");

        Object[] row = (Object[]) fixture.bed.em().createNativeQuery("SELECT reason, details FROM admin_audit WHERE"
            + " subject = ? AND action = 'PARTNER_UPDATE' ORDER BY id DESC").setParameter(1, ExchangeFixture.DAT)
            .getResultList().get(0);
        assertEquals("Công văn 12/STTTT ngừng kết nối", row[0], "the administrator's reason is the audit's reason");
        String details = (String) row[1];
        assertTrue(details.startsWith("Ngừng kết nối hệ thống đối tác. Trước: ") && details.contains(" | Sau: "), details);
        assertTrue(details.contains("khóa gửi đi: " + dat.outboundCredentialRef()), details);
        assertTrue(details.contains("đang hoạt động | Sau: ") && details.endsWith("ngừng hoạt động"), details);
    }

    @Test
    @DisplayName("Issue 16: a partner change without a reason is refused (REASON_REQUIRED) and changes nothing")
    void changeNeedsReason() {
        fixture = new ExchangeFixture("h2");
        PartnerRegistry partners = fixture.partners;
        PartnerSystem dat = fixture.bed.em().find(PartnerSystem.class, ExchangeFixture.DAT);
        long auditBefore = count("admin_audit");
        for (String blank : new String[] {null, "  "}) {
            RuntimeException e = fixture.bed.failing(() -> partners.update(new PartnerSpec(dat.code(), dat.name(),
                dat.agencyCodes(), dat.endpointUrl(), dat.style(), dat.outboundCredentialRef()), false, "quantri.tinh",
                blank));
            assertEquals("REASON_REQUIRED", ((RuleViolationException) e).reason());
        }
        fixture.bed.em().clear();
        assertTrue(fixture.bed.em().find(PartnerSystem.class, ExchangeFixture.DAT).active());
        assertEquals(auditBefore, count("admin_audit"));
    }

    @Test
    @DisplayName("Issue 16 (fresh-user trial): the same system registered twice for an agency (same endpoint and style,"
        + " both active) is 409 PARTNER_DUPLICATE, nothing stored; another endpoint, another style or a retired one is fine")
    void duplicateRegistrationRefused() {
        fixture = new ExchangeFixture("h2");
        PartnerRegistry partners = fixture.partners;
        partners.policy = new PartnerPolicy(Set.of(), false,
            h -> new java.net.InetAddress[] {java.net.InetAddress.getByName("10.1.2.3")});
        String commune = ExchangeFixture.COMMUNE;
        fixture.bed.tx(() -> partners.register(new PartnerSpec("QT-A1", "Hệ thống A", Set.of(commune),
            "https://lgsp.quangtri.gov.vn/a", EndpointStyle.REST, "motcua-partner-qt-a1"), "quantri.tinh"));
        long partnersBefore = count("partner_system");
        long auditBefore = count("admin_audit");
        // the same address written differently: host case, default port, trailing slash
        RuntimeException twice = fixture.bed.failing(() -> partners.register(new PartnerSpec("QT-A2", "Hệ thống A lần 2",
            Set.of(ExchangeFixture.BRANCH, commune), "https://LGSP.quangtri.gov.vn:443/a/", EndpointStyle.REST,
            "motcua-partner-qt-a2"), "quantri.tinh"));
        assertTrue(twice instanceof vn.gov.quangtri.motcua.shared.domain.ConflictException, String.valueOf(twice));
        assertEquals(PartnerRegistry.PARTNER_DUPLICATE,
            ((vn.gov.quangtri.motcua.shared.domain.ConflictException) twice).reason());
        assertEquals("Partner system QT-A1 already serves agency " + commune + " at https://lgsp.quangtri.gov.vn/a (REST);"
            + " change that registration, or take it out of service first, instead of registering the system twice",
            twice.getMessage());
        assertEquals(partnersBefore, count("partner_system"));
        assertEquals(auditBefore, count("admin_audit"));

        // the same system over SOAP, or another system for the same agency: allowed (docs/interagency.md)
        fixture.bed.tx(() -> partners.register(new PartnerSpec("QT-A-SOAP", "Hệ thống A (SOAP)", Set.of(commune),
            "https://lgsp.quangtri.gov.vn/a", EndpointStyle.SOAP, "motcua-partner-qt-a-soap"), "quantri.tinh"));
        fixture.bed.tx(() -> partners.register(new PartnerSpec("QT-B", "Hệ thống B", Set.of(commune),
            "https://lgsp.quangtri.gov.vn/b", EndpointStyle.REST, null), "quantri.tinh"));
        // once the first is out of service, its successor may take the address; bringing the first back is then 409
        fixture.bed.tx(() -> partners.update(new PartnerSpec("QT-A1", "Hệ thống A", Set.of(commune),
            "https://lgsp.quangtri.gov.vn/a", EndpointStyle.REST, "motcua-partner-qt-a1"), false, "quantri.tinh", "Thay hệ thống"));
        fixture.bed.tx(() -> partners.register(new PartnerSpec("QT-A2", "Hệ thống A mới", Set.of(commune),
            "https://lgsp.quangtri.gov.vn/a/", EndpointStyle.REST, "motcua-partner-qt-a2"), "quantri.tinh"));
        RuntimeException back = fixture.bed.failing(() -> partners.update(new PartnerSpec("QT-A1", "Hệ thống A",
            Set.of(commune), "https://lgsp.quangtri.gov.vn/a", EndpointStyle.REST, "motcua-partner-qt-a1"), true,
            "quantri.tinh", "Kết nối lại"));
        assertEquals(PartnerRegistry.PARTNER_DUPLICATE,
            ((vn.gov.quangtri.motcua.shared.domain.ConflictException) back).reason());
        fixture.bed.em().clear();
        assertFalse(fixture.bed.em().find(PartnerSystem.class, "QT-A1").active());
        assertTrue(PartnerRegistry.sameEndpoint("https://h.vn/x", "HTTPS://H.VN:443/x/"));
        assertFalse(PartnerRegistry.sameEndpoint("https://h.vn/x", "https://h.vn:8443/x"));
        assertFalse(PartnerRegistry.sameEndpoint("https://h.vn/x", "http://h.vn/x"));
    }
}
