package vn.gov.quangtri.motcua.interagency.application;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a partner registration may point at (security issue 16 §1): the credential we present to a partner and
 * the address we send it to, checked when an administrator registers or changes a partner and again before
 * every delivery.
 *
 * <ul>
 *   <li><b>Credential reference</b>: only names of the partner namespace, {@code motcua-partner-<name>} (the password
 *       alias of {@link PartnerRegistry#alias}, environment form {@code MOTCUA_PARTNER_<NAME>}) or
 *       {@code motcua.partner.<name>.key}, optionally written {@code ${ALIAS=…}}; never any other configuration
 *       property or environment variable (a database password, a token key).</li>
 *   <li><b>Endpoint</b>: an absolute {@code https} URL without user information; {@code http} only for a host listed
 *       in {@code motcua.interagency.allow-http-hosts}; never a link-local address (169.254.0.0/16, fe80::/10: cloud
 *       metadata services), another cloud metadata or platform address ({@code fd00:ec2::254},
 *       {@code 100.100.100.200}, {@code 168.63.129.16}), an IPv6 site-local address (fec0::/10), a multicast, the
 *       broadcast (255.255.255.255) or an unspecified / "this network" address (0.0.0.0/8, ::); an IPv4 address
 *       carried in IPv6 (IPv4-mapped, IPv4-translated, IPv4-compatible, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4
 *       2002::/16, Teredo 2001::/32) is judged as that IPv4 address too; a
 *       loopback address (127.0.0.0/8, ::1) only with {@code motcua.interagency.allow-loopback=true}. Host names are
 *       resolved and every address is checked. A port outside 1–65535 is malformed.</li>
 * </ul>
 * A host name that does not resolve is accepted at registration (it cannot be reached either); at send time
 * {@link #sendProblem} refuses it. Forms that a resolver might read as an address although they are not written as
 * one are refused at registration already (issue 16): an IPv6 zone id ({@code [fe80::1%25eth0]}), and a host whose
 * last label is a number ({@code 2852039166}, {@code 0xa9fea9fe}, {@code 0251.0376.0251.0376}) unless it is a plain
 * dotted-decimal IPv4 address; one trailing dot ({@code 169.254.169.254.}) is removed before the checks.
 *
 * <p><b>DNS rebinding</b> (a name that resolved to an acceptable address when checked, and to an internal one
 * when the connection is made): the address is not pinned, because {@link java.net.http.HttpClient} would then
 * verify the partner's TLS certificate against the address instead of the name. The check before every delivery
 * is the first net; the second is that a partner is called over https with the JDK's default certificate and
 * host-name verification, so a connection rebound to an internal service fails the TLS handshake (that service has
 * no certificate for the partner's name) before any header, key included, is sent. Plain http, where nothing would
 * stop a rebound connection, is possible only for hosts an operator lists in {@value #ALLOW_HTTP_HOSTS}.
 */
public final class PartnerPolicy {

    /** MicroProfile Config key: comma-separated host names (or literal addresses) that may be called over plain http. */
    public static final String ALLOW_HTTP_HOSTS = "motcua.interagency.allow-http-hosts";
    /** MicroProfile Config key: {@code true} lets partners be registered at loopback addresses (tests, two systems on one machine). */
    public static final String ALLOW_LOOPBACK = "motcua.interagency.allow-loopback";

    /** The names a partner's outbound credential reference may take (the partner namespace). */
    public static final Pattern CREDENTIAL_NAME =
        Pattern.compile("motcua-partner-[a-z0-9][a-z0-9._-]{0,120}|motcua\\.partner\\.[a-z0-9][a-z0-9_-]{0,100}\\.key");

    /** A dotted-decimal IPv4 address as written by people: four numbers 0..255 without leading zeros. */
    private static final Pattern PLAIN_IPV4 =
        Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    /** A host label read as a number by address parsers (decimal, octal or hex; URL standard "ends in a number"). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    /** Resolves a host name to its addresses (tests replace DNS). */
    @FunctionalInterface
    public interface Resolver {
        /** @throws UnknownHostException when the name has no address */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> httpHosts;
    private final boolean allowLoopback;
    private final Resolver resolver;

    /**
     * @param httpHosts     hosts that may be called over http (compared case-insensitively)
     * @param allowLoopback whether loopback addresses may be partners
     * @param resolver      DNS
     */
    public PartnerPolicy(Set<String> httpHosts, boolean allowLoopback, Resolver resolver) {
        this.httpHosts = httpHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
            .map(PartnerPolicy::unbracket).collect(Collectors.toCollection(TreeSet::new));
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /** The policy configured on this server ({@value #ALLOW_HTTP_HOSTS}, {@value #ALLOW_LOOPBACK}), with the system's DNS. */
    public static PartnerPolicy configured() {
        var config = ConfigProvider.getConfig();
        String hosts = config.getOptionalValue(ALLOW_HTTP_HOSTS, String.class).orElse("");
        boolean loopback = config.getOptionalValue(ALLOW_LOOPBACK, Boolean.class).orElse(false);
        return new PartnerPolicy(Set.copyOf(Arrays.asList(hosts.split(","))), loopback, InetAddress::getAllByName);
    }

    /** The credential name in a reference ({@code ${ALIAS=x}} → {@code x}), stripped; null when blank. */
    public static String credentialName(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String r = reference.strip();
        if (r.startsWith("${ALIAS=") && r.endsWith("}")) {
            r = r.substring("${ALIAS=".length(), r.length() - 1).strip();
        }
        return r.isEmpty() ? null : r;
    }

    /** Whether a (non-blank) credential reference names a credential of the partner namespace. */
    public static boolean credentialAllowed(String reference) {
        String name = credentialName(reference);
        return name != null && CREDENTIAL_NAME.matcher(name).matches();
    }

    /**
     * The problems of a registration's endpoint and credential reference, each as {@code field: explanation}; empty
     * when both are acceptable. A blank credential reference is acceptable (no key is presented).
     */
    public List<String> registrationProblems(String endpointUrl, String credentialRef) {
        List<String> errors = new ArrayList<>();
        if (credentialRef != null && !credentialRef.isBlank() && !credentialAllowed(credentialRef)) {
            errors.add("outboundCredentialRef: must name a partner credential, motcua-partner-<name> (a-z, 0-9, '.', '_', '-')"
                + " or motcua.partner.<name>.key; other configuration properties and environment variables cannot be used");
        }
        endpointProblem(endpointUrl, false).ifPresent(errors::add);
        return errors;
    }

    /**
     * Why a delivery to this endpoint with this credential reference must not be made (checked before every
     * call, so a registration made before the policy or a host name that now resolves elsewhere is caught); empty
     * when it may.
     */
    public Optional<String> sendProblem(String endpointUrl, String credentialRef) {
        if (credentialRef != null && !credentialRef.isBlank() && !credentialAllowed(credentialRef)) {
            return Optional.of("outboundCredentialRef: not a partner credential name; the message was not sent");
        }
        return endpointProblem(endpointUrl, true);
    }

    private Optional<String> endpointProblem(String endpointUrl, boolean mustResolve) {
        String url = endpointUrl == null ? "" : endpointUrl.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("endpointUrl: not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("endpointUrl: an absolute https URL with a host name is required");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("endpointUrl: must not carry a user name or password");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of("endpointUrl: the port must be a number from 1 to 65535");
        }
        String host = unbracket(uri.getHost().toLowerCase(Locale.ROOT));
        Optional<String> form = hostFormProblem(host);
        if (form.isPresent()) {
            return form;
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // the fully qualified form of the same name
        }
        if (scheme.equals("http") && !httpHosts.contains(host)) {
            return Optional.of("endpointUrl: https is required; plain http only for hosts listed in " + ALLOW_HTTP_HOSTS);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            return mustResolve ? Optional.of("endpointUrl: the host " + host + " cannot be resolved") : Optional.empty();
        }
        for (InetAddress a : judged(addresses)) {
            if (a.isLinkLocalAddress() || a.isMulticastAddress() || linkLocalV4(a)) {
                return Optional.of("endpointUrl: the host " + host + " is a link-local or multicast address");
            }
            if (METADATA.contains(a) || a.isAnyLocalAddress() || thisNetworkOrBroadcast(a)
                    || (a instanceof java.net.Inet6Address && a.isSiteLocalAddress())) {
                return Optional.of("endpointUrl: the host " + host + " is a cloud metadata, site-local, broadcast or"
                    + " unspecified address");
            }
            if (a.isLoopbackAddress() && !allowLoopback) {
                return Optional.of("endpointUrl: the host " + host + " is this machine (loopback); allowed only with "
                    + ALLOW_LOOPBACK + "=true");
            }
        }
        return Optional.empty();
    }

    /**
     * Why the endpoint's host is written in a form that is not a host name nor a plain address (an IPv6 zone id, a
     * number other than a dotted-decimal IPv4 address), or empty. Such input is malformed (answered 400, naming
     * {@code endpointUrl}), whatever address it would reach; the other endpoint problems are policy refusals.
     */
    public Optional<String> addressFormProblem(String endpointUrl) {
        try {
            URI uri = new URI(endpointUrl == null ? "" : endpointUrl.strip());
            if (uri.getHost() != null && (uri.getPort() == 0 || uri.getPort() > 65535)) {
                return Optional.of("endpointUrl: the port must be a number from 1 to 65535");
            }
            if (uri.getHost() != null) {
                return hostFormProblem(unbracket(uri.getHost().toLowerCase(Locale.ROOT)));
            }
            String authority = uri.getRawAuthority();
            if (authority == null || authority.isBlank()) {
                return Optional.empty(); // no host at all: a policy refusal ("an absolute https URL ... is required")
            }
            // java.net.URI finds no host in e.g. "0251.0376.0251.0376" or "169.254.169.254." (a last label that is
            // a number): say what is wrong with it.
            String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (!host.startsWith("[") && host.indexOf(':') >= 0) {
                host = host.substring(0, host.indexOf(':'));
            }
            Optional<String> form = hostFormProblem(unbracket(host));
            return form.isPresent() ? form : Optional.of("endpointUrl: the host " + host + " is not a valid host name");
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> hostFormProblem(String host) {
        if (host.indexOf('%') >= 0) {
            return Optional.of("endpointUrl: an IPv6 address with a zone id ('%') is not allowed");
        }
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (bare.isEmpty() || bare.endsWith(".")) {
            return Optional.of("endpointUrl: an absolute https URL with a host name is required");
        }
        String lastLabel = bare.substring(bare.lastIndexOf('.') + 1);
        if (!bare.contains(":") && NUMERIC_LABEL.matcher(lastLabel).matches() && !PLAIN_IPV4.matcher(bare).matches()) {
            return Optional.of("endpointUrl: the host " + bare + " is not a host name; write an IPv4 address as four"
                + " decimal numbers a.b.c.d (hexadecimal, octal and single-number forms are refused)");
        }
        return Optional.empty();
    }

    /**
     * Cloud metadata and platform services outside the link-local range: AWS IMDS over IPv6 ({@code fd00:ec2::254}),
     * Alibaba Cloud ({@code 100.100.100.200}), Azure's platform endpoint ({@code 168.63.129.16}).
     */
    private static final Set<InetAddress> METADATA = Set.of(literal("fd00:ec2:0:0:0:0:0:254"),
        literal("100.100.100.200"), literal("168.63.129.16"));

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no DNS
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 0.0.0.0/8 ("this network", never a partner) and the limited broadcast 255.255.255.255. */
    private static boolean thisNetworkOrBroadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] == 0 || (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff);
    }

    /** 169.254.0.0/16 also when written as an IPv4-mapped IPv6 address (Java maps those to IPv4 already). */
    private static boolean linkLocalV4(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254;
    }

    /** Every address to judge: each resolved address and every IPv4 address embedded in it ({@link #embeddedV4}). */
    private static List<InetAddress> judged(InetAddress[] addresses) {
        List<InetAddress> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            out.add(a);
            out.addAll(embeddedV4(a));
        }
        return out;
    }

    /**
     * The IPv4 addresses an IPv6 address carries, judged by the IPv4 rules (issue 16): IPv4-mapped
     * ({@code ::ffff:a.b.c.d}), IPv4-translated ({@code ::ffff:0:a.b.c.d}, RFC 2765), IPv4-compatible
     * ({@code ::a.b.c.d}; not {@code ::} and {@code ::1}, IPv6 addresses of their own), NAT64 with the well-known
     * prefix {@code 64:ff9b::/96} (RFC 6052) and with the local-use prefix {@code 64:ff9b:1::/48} (RFC 8215: the
     * operator chooses the prefix length, so every RFC 6052 layout for /48, /56, /64 and /96 whose suffix is zero is
     * read), 6to4
     * {@code 2002::/16} (RFC 3056, bits 16–47) and Teredo {@code 2001::/32} (RFC 4380: the server in bits 32–63, the
     * client inverted in the last 32 bits). Empty for an IPv4 address or an IPv6 address that carries none.
     */
    static List<InetAddress> embeddedV4(InetAddress a) {
        byte[] b = a.getAddress();
        List<InetAddress> out = new ArrayList<>();
        if (b.length != 16) {
            return out;
        }
        int[] u = new int[16];
        for (int i = 0; i < 16; i++) {
            u[i] = b[i] & 0xff;
        }
        if (zero(u, 0, 10) && u[10] == 0xff && u[11] == 0xff) {
            out.add(v4(u, 12, 13, 14, 15)); // IPv4-mapped
        } else if (zero(u, 0, 8) && u[8] == 0xff && u[9] == 0xff && u[10] == 0 && u[11] == 0) {
            out.add(v4(u, 12, 13, 14, 15)); // IPv4-translated
        } else if (zero(u, 0, 12) && !zero(u, 12, 15)) {
            out.add(v4(u, 12, 13, 14, 15)); // IPv4-compatible
        } else if (u[0] == 0 && u[1] == 0x64 && u[2] == 0xff && u[3] == 0x9b) {
            if (u[4] == 0 && u[5] == 1) {
                // 64:ff9b:1::/48, local use: each RFC 6052 layout (/48, /56, /64, /96) whose suffix is zero; an
                // all-zero reading is dropped when another layout reads an address
                List<InetAddress> layouts = new ArrayList<>();
                if (zero(u, 11, 16)) {
                    layouts.add(v4(u, 6, 7, 9, 10));
                }
                if (zero(u, 12, 16)) {
                    layouts.add(v4(u, 7, 9, 10, 11));
                }
                if (zero(u, 13, 16)) {
                    layouts.add(v4(u, 9, 10, 11, 12));
                }
                layouts.add(v4(u, 12, 13, 14, 15));
                List<InetAddress> read = layouts.stream().filter(x -> !x.isAnyLocalAddress()).toList();
                out.addAll(read.isEmpty() ? layouts.subList(0, 1) : read);
            } else {
                out.add(v4(u, 12, 13, 14, 15)); // 64:ff9b::/96
            }
        } else if (u[0] == 0x20 && u[1] == 0x02) {
            out.add(v4(u, 2, 3, 4, 5)); // 6to4
        } else if (u[0] == 0x20 && u[1] == 0x01 && u[2] == 0 && u[3] == 0) {
            out.add(v4(u, 4, 5, 6, 7)); // Teredo server
            int[] client = {u[12] ^ 0xff, u[13] ^ 0xff, u[14] ^ 0xff, u[15] ^ 0xff};
            out.add(v4(client, 0, 1, 2, 3)); // Teredo client, stored inverted
        }
        return out;
    }

    private static boolean zero(int[] u, int from, int to) {
        for (int i = from; i < to; i++) {
            if (u[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(int[] u, int i, int j, int k, int l) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) u[i], (byte) u[j], (byte) u[k], (byte) u[l]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
