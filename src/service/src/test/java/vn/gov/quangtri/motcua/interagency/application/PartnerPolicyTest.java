package vn.gov.quangtri.motcua.interagency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.gov.quangtri.motcua.interagency.infrastructure.PartnerCredentials;

/** Security issue 16 §1: which credentials and endpoints a partner registration may name. */
class PartnerPolicyTest {

    /** DNS of the test: a few names, the rest unknown. */
    private static InetAddress[] dns(String host) throws UnknownHostException {
        Map<String, String> names = Map.of("lgsp.quangtri.gov.vn", "10.1.2.3", "metadata.internal", "169.254.169.254",
            "localhost", "127.0.0.1", "sneaky.example.vn", "fe80::1");
        String a = names.get(host);
        if (a == null) {
            return InetAddress.getAllByName(host.matches("[0-9.:\\[\\]a-f]+") ? host : "no.such.host.invalid");
        }
        return new InetAddress[] {InetAddress.getByName(a)};
    }

    private static final PartnerPolicy STRICT = new PartnerPolicy(Set.of(), false, PartnerPolicyTest::dns);
    private static final PartnerPolicy LOOPBACK = new PartnerPolicy(Set.of("localhost", "127.0.0.1"), true,
        PartnerPolicyTest::dns);

    @Test
    @DisplayName("Credential references: only the partner namespace, never another property or environment variable")
    void credentialNamespace() {
        for (String ok : List.of("motcua-partner-qt-thue", "${ALIAS=motcua-partner-ht-b}", "motcua.partner.qt-thue.key",
            " motcua-partner-a.b_c ")) {
            assertTrue(PartnerPolicy.credentialAllowed(ok), ok);
            assertEquals(List.of(), STRICT.registrationProblems("https://lgsp.quangtri.gov.vn/x", ok), ok);
        }
        for (String bad : List.of("MOTCUA_DB_NAME", "MOTCUA_DB_PASSWORD", "motcua.auth.token.key-file", "PATH",
            "${ALIAS=admin-password}", "motcua-partner-", "MOTCUA_PARTNER_QT_THUE", "motcua-partner-QT",
            "motcua.partner.x.key.extra", "motcua.partner..key", "motcua-partner-x y", "java.home")) {
            assertFalse(PartnerPolicy.credentialAllowed(bad), bad);
            List<String> problems = STRICT.registrationProblems("https://lgsp.quangtri.gov.vn/x", bad);
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.get(0).startsWith("outboundCredentialRef: "), problems.get(0));
        }
        assertEquals(List.of(), STRICT.registrationProblems("https://lgsp.quangtri.gov.vn/x", null));
    }

    @Test
    @DisplayName("Endpoints: https; http only for listed hosts; never link-local; loopback only when allowed")
    void endpoints() {
        assertEquals(List.of(), STRICT.registrationProblems("https://lgsp.quangtri.gov.vn/thue", null));
        assertEquals(List.of(), STRICT.registrationProblems("https://unknown.example.vn/x", null),
            "an unresolvable host is accepted at registration");
        for (String bad : List.of("http://lgsp.quangtri.gov.vn/thue", "ftp://lgsp.quangtri.gov.vn/", "file:///etc/passwd",
            "https://169.254.169.254/latest/meta-data", "https://metadata.internal/", "https://[fe80::1]/",
            "https://sneaky.example.vn/", "https://[::ffff:169.254.169.254]/", "https://2852039166/",
            "https://127.0.0.1:5432/", "https://localhost/", "https://0.0.0.0/", "https://[::1]/",
            "https://user:pw@lgsp.quangtri.gov.vn/", "not a url", "/relative", "")) {
            assertEquals(1, STRICT.registrationProblems(bad, "motcua-partner-x").size(), bad);
        }
        assertEquals(List.of(), LOOPBACK.registrationProblems("http://localhost:9080/motcua", "motcua-partner-x"));
        assertEquals(List.of(), LOOPBACK.registrationProblems("http://127.0.0.1:28080/motcua", null));
        assertEquals(1, LOOPBACK.registrationProblems("http://169.254.169.254/", null).size(), "never link-local");
        assertEquals(1, LOOPBACK.registrationProblems("https://169.254.169.254/", null).size(), "never link-local");
        assertEquals(1, LOOPBACK.registrationProblems("http://lgsp.quangtri.gov.vn/", null).size(), "host not listed");
    }

    @Test
    @DisplayName("At send time the host must resolve and the credential must be of the namespace")
    void sendTime() {
        assertEquals(Optional.empty(), LOOPBACK.sendProblem("http://localhost:9080/motcua", "motcua-partner-x"));
        assertTrue(STRICT.sendProblem("https://unknown.example.vn/x", null).orElseThrow().contains("cannot be resolved"));
        assertTrue(LOOPBACK.sendProblem("http://localhost:9080/motcua", "MOTCUA_DB_NAME").orElseThrow()
            .startsWith("outboundCredentialRef"));
        assertTrue(STRICT.sendProblem("https://metadata.internal/", null).orElseThrow().contains("link-local"));
    }

    @Test
    @DisplayName("PartnerCredentials never looks up a name outside the namespace")
    void credentialsLookup() {
        Map<String, String> config = Map.of("MOTCUA_DB_NAME", "secret-db", "motcua-partner-a", "key-a",
            "MOTCUA_PARTNER_B", "key-b");
        PartnerCredentials credentials = new PartnerCredentials(n -> Optional.ofNullable(config.get(n)));
        assertEquals(Optional.empty(), credentials.resolve("MOTCUA_DB_NAME"));
        assertEquals(Optional.empty(), credentials.resolve("${ALIAS=MOTCUA_DB_NAME}"));
        assertEquals(Optional.of("key-a"), credentials.resolve("motcua-partner-a"));
        assertEquals(Optional.of("key-b"), credentials.resolve("motcua-partner-b"), "environment form");
    }

    @Test
    @DisplayName("Issue 16: zone ids, single-number, hexadecimal and octal IPv4 forms are refused at registration,"
        + " naming the field; a trailing dot is removed before the checks; plain addresses and names still pass")
    void addressFormsRefusedAtRegistration() {
        PartnerPolicy open = new PartnerPolicy(Set.of(), true, PartnerPolicyTest::dns);
        for (String bad : List.of("https://[fe80::1%25eth0]/", "https://[fe80::1%eth0]/x", "https://0xa9fea9fe/",
                "https://2852039166/", "https://0251.0376.0251.0376/", "https://169.254.43518/", "https://0x7f.1/",
                "https://127.1/", "https://10.1.2.03/", "https://lgsp.quangtri.gov.vn.0x1/")) {
            for (PartnerPolicy policy : List.of(STRICT, open)) {
                List<String> problems = policy.registrationProblems(bad, null);
                assertEquals(1, problems.size(), bad + " " + problems);
                assertTrue(problems.get(0).startsWith("endpointUrl: "), problems.get(0));
                assertTrue(policy.sendProblem(bad, null).isPresent(), bad);
            }
            assertTrue(STRICT.addressFormProblem(bad).orElseThrow().startsWith("endpointUrl: "),
                "a malformed form (400), not a policy refusal: " + bad);
        }
        assertEquals(List.of("endpointUrl: the host 2852039166 is not a host name; write an IPv4 address as four"
            + " decimal numbers a.b.c.d (hexadecimal, octal and single-number forms are refused)"),
            open.registrationProblems("https://2852039166/", null));
        // java.net.URI reads "169.254.169.254." as no host at all (its last label is a number): malformed (400).
        assertEquals(Optional.of("endpointUrl: the host 169.254.169.254. is not a valid host name"),
            open.addressFormProblem("https://169.254.169.254./latest/meta-data"));
        assertEquals(Optional.of("endpointUrl: the host 0251.0376.0251.0376 is not a host name; write an IPv4 address"
            + " as four decimal numbers a.b.c.d (hexadecimal, octal and single-number forms are refused)"),
            open.addressFormProblem("https://user@0251.0376.0251.0376:443/"));
        assertEquals(List.of("endpointUrl: the host metadata.internal is a link-local or multicast address"),
            open.registrationProblems("https://metadata.internal./latest/meta-data", null));
        assertEquals(List.of(), STRICT.registrationProblems("https://lgsp.quangtri.gov.vn./thue", null));
        assertEquals(List.of(), STRICT.registrationProblems("https://10.1.2.3/thue", null));
        assertEquals(List.of(), STRICT.registrationProblems("https://203.0.113.250:8443/thue", null));
        assertEquals(List.of(), STRICT.registrationProblems("https://qt-thue.example.vn/x", null),
            "a name ending in letters is a name, resolvable or not");
        for (String wellFormed : List.of("https://169.254.169.254/", "https://[fe80::1]/", "http://lgsp.quangtri.gov.vn/",
                "https://10.1.2.3/", "not a url", "https://[::ffff:a9fe:a9fe]/")) {
            assertEquals(Optional.empty(), STRICT.addressFormProblem(wellFormed), wellFormed);
        }
    }

    @Test
    @DisplayName("Issue 16 (fresh-user trial): other metadata addresses, NAT64 and 6to4 forms of forbidden IPv4 addresses,"
        + " site-local IPv6, broadcast and 0.0.0.0 are refused whatever the loopback setting; a port over 65535 is malformed")
    void moreForbiddenAddresses() {
        PartnerPolicy open = new PartnerPolicy(Set.of(), true, PartnerPolicyTest::dns);
        for (String bad : List.of("https://[fd00:ec2::254]/latest/meta-data/", "https://100.100.100.200/latest/meta-data/",
                "https://168.63.129.16/machine", "https://[64:ff9b::a9fe:a9fe]/", "https://[64:ff9b::6464:64c8]/",
                "https://[2002:a9fe:a9fe::1]/", "https://[fec0::1]/",
                "https://255.255.255.255/", "https://0.0.0.0/", "https://0.1.2.3/", "https://[::]/")) {
            for (PartnerPolicy policy : List.of(STRICT, open)) {
                List<String> problems = policy.registrationProblems(bad, null);
                assertEquals(1, problems.size(), bad + " " + problems);
                assertTrue(problems.get(0).startsWith("endpointUrl: the host "), problems.get(0));
                assertTrue(policy.sendProblem(bad, null).isPresent(), bad);
            }
        }
        assertEquals(List.of("endpointUrl: the host 2002:a9fe:a9fe::1 is a link-local or multicast address"),
            open.registrationProblems("https://[2002:a9fe:a9fe::1]/", null), "6to4 of 169.254.169.254");
        assertEquals(List.of("endpointUrl: the host 168.63.129.16 is a cloud metadata, site-local, broadcast or"
            + " unspecified address"), open.registrationProblems("https://168.63.129.16/", null));
        assertEquals(List.of("endpointUrl: the host 64:ff9b::7f00:1 is this machine (loopback); allowed only with"
            + " motcua.interagency.allow-loopback=true"), STRICT.registrationProblems("https://[64:ff9b::7f00:1]/", null),
            "NAT64 of 127.0.0.1 is loopback");
        assertEquals(1, STRICT.registrationProblems("https://[2002:7f00:1::]/", null).size(), "6to4 of 127.0.0.1");
        // NAT64 and 6to4 of an ordinary address are ordinary addresses
        assertEquals(List.of(), STRICT.registrationProblems("https://[64:ff9b::cb00:71fa]/", null));
        assertEquals(List.of(), STRICT.registrationProblems("https://[2002:cb00:71fa::1]/", null));
        for (String port : List.of("https://lgsp.quangtri.gov.vn:99999/", "https://lgsp.quangtri.gov.vn:0/",
                "https://10.1.2.3:65536/")) {
            assertEquals(Optional.of("endpointUrl: the port must be a number from 1 to 65535"),
                STRICT.addressFormProblem(port), port);
            assertTrue(STRICT.sendProblem(port, null).isPresent(), port);
        }
        assertEquals(Optional.empty(), STRICT.addressFormProblem("https://lgsp.quangtri.gov.vn:65535/"));
    }

    @Test
    @DisplayName("Issue 16 (fresh-user trial): every IPv6 form that embeds a refused IPv4 address is judged by the IPv4"
        + " rule: mapped, translated, compatible, NAT64 (well-known and local-use prefixes), 6to4, Teredo")
    void embeddedIpv4Forms() throws Exception {
        PartnerPolicy open = new PartnerPolicy(Set.of(), true, PartnerPolicyTest::dns);
        // 169.254.169.254 = a9fe:a9fe; 127.0.0.1 = 7f00:0001
        for (String bad : List.of("[64:ff9b:1::a9fe:a9fe]", "[::ffff:0:a9fe:a9fe]", "[::ffff:0:169.254.169.254]",
                "[::a9fe:a9fe]", "[64:ff9b::169.254.169.254]",
                "[64:ff9b:1:a9fe:a9:fe00::]", // local-use prefix, /48 layout: bits 48–63 and 72–87
                "[64:ff9b:1:a9:fe:a9fe::]",   // /56 layout: bits 56–63 and 72–95
                "[64:ff9b:1:0:a9:fea9:fe00:0]", // /64 layout: bits 72–103
                "[2002:a9fe:a9fe::]", "[2001:0:a9fe:a9fe::1]", // 6to4; Teredo server
                "[2001:0:4136:e378:8000:63bf:5601:5601]")) { // Teredo client 169.254.169.254 stored inverted
            assertEquals(List.of("endpointUrl: the host " + new java.net.URI("https://" + bad + "/").getHost()
                    .replaceAll("[\\[\\]]", "") + " is a link-local or multicast address"),
                open.registrationProblems("https://" + bad + "/", null), bad);
            assertTrue(STRICT.sendProblem("https://" + bad + "/", null).isPresent(), bad);
        }
        for (String loop : List.of("[::ffff:0:7f00:1]", "[64:ff9b:1::7f00:1]", "[2001:0:4136:e378:8000:63bf:80ff:fffe]")) {
            assertTrue(STRICT.registrationProblems("https://" + loop + "/", null).get(0).contains("(loopback)"), loop);
            assertEquals(List.of(), open.registrationProblems("https://" + loop + "/", null), "loopback allowed: " + loop);
        }
        assertEquals(1, STRICT.registrationProblems("https://[::ffff:0:0.0.0.0]/", null).size(), "0.0.0.0 translated");
        assertEquals(1, STRICT.registrationProblems("https://[64:ff9b:1::6464:64c8]/", null).size(),
            "local-use NAT64 of 100.100.100.200");
        // the embedded addresses found, by hand
        assertEquals(List.of(InetAddress.getByName("169.254.169.254")),
            PartnerPolicy.embeddedV4(InetAddress.getByName("::ffff:0:a9fe:a9fe")));
        assertEquals(List.of(InetAddress.getByName("65.54.227.120"), InetAddress.getByName("203.0.113.7")),
            PartnerPolicy.embeddedV4(InetAddress.getByName("2001:0:4136:e378:8000:63bf:34ff:8ef8")), "Teredo server, client");
        assertEquals(List.of(), PartnerPolicy.embeddedV4(InetAddress.getByName("2405:4800:1::1")));
        // the same forms of an ordinary public address stay allowed
        for (String ok : List.of("[::ffff:0:cb00:7107]", "[64:ff9b:1::cb00:7107]", "[2002:cb00:7107::1]")) {
            assertEquals(List.of(), STRICT.registrationProblems("https://" + ok + "/", null), ok);
        }
    }
}
