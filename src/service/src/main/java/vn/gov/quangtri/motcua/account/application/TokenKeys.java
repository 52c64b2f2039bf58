package vn.gov.quangtri.motcua.account.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key that signs the API's access tokens (RS256, issue 12 §1), read once from a PEM file (PKCS #8,
 * {@code -----BEGIN PRIVATE KEY-----}) named by the setting {@code motcua.auth.token.key-file}. The key never lives
 * in the repository or the EAR: on a production server the administrator creates it (e.g. {@code openssl genpkey
 * -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out motcua-token-key.pem}, readable only by the server's user) and
 * sets the path (system property, environment variable {@code MOTCUA_AUTH_TOKEN_KEY_FILE} or Payara's config
 * store). With {@code motcua.auth.token.generate-key=true}, which only the development script sets, a missing file is
 * created with a new 2,048-bit key (owner-only permissions).
 *
 * <p>Without a key the token endpoint answers 503 and HTTP Basic keeps working. Replacing the key invalidates the
 * access tokens signed with the old one (at most {@code motcua.auth.token.access-seconds} old); refresh tokens are
 * not signed and keep working, so clients simply refresh.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());

    /** Bits of a generated key. */
    static final int GENERATED_BITS = 2048;

    @Inject
    @ConfigProperty(name = "motcua.auth.token.key-file", defaultValue = "")
    String keyFile = "";

    @Inject
    @ConfigProperty(name = "motcua.auth.token.generate-key", defaultValue = "false")
    boolean generate;

    private volatile Keys keys;

    /** The loaded key with what signs and verifies with it (immutable, shared by all threads; for {@link ApiTokens}). */
    public record Keys(RSAKey key, RSASSASigner signer, RSASSAVerifier verifier) {
    }

    /** Raised when no signing key is configured or it cannot be read; the token endpoint answers 503. */
    public static class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The key, its signer and verifier (loaded on first use).
     *
     * @throws Unavailable when {@code motcua.auth.token.key-file} is not set, or the file is missing or unreadable
     */
    public Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = load();
                    keys = k;
                }
            }
        }
        return k;
    }

    /** Whether a signing key is available (reads it if needed). */
    public boolean available() {
        try {
            keys();
            return true;
        } catch (Unavailable e) {
            return false;
        }
    }

    /** The public key as a JSON Web Key Set (for {@code GET /api/v1/auth/jwks}); empty without a key. */
    public JWKSet publicKeys() {
        return available() ? new JWKSet(keys().key().toPublicJWK()) : new JWKSet();
    }

    private Keys load() {
        if (keyFile == null || keyFile.isBlank()) {
            throw new Unavailable("No token signing key: set motcua.auth.token.key-file (docs/configuration.md)", null);
        }
        Path file = Path.of(keyFile.strip());
        try {
            if (!Files.exists(file) && generate) {
                writeNewKey(file);
            }
            RSAKey key = fromPem(Files.readString(file, StandardCharsets.US_ASCII));
            return new Keys(key, new RSASSASigner(key), new RSASSAVerifier(key.toRSAPublicKey()));
        } catch (IOException | GeneralSecurityException | JOSEException | IllegalArgumentException e) {
            throw new Unavailable("The token signing key " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an RSA private key in PEM PKCS #8 form; the key id is its RFC 7638 thumbprint.
     *
     * @throws IllegalArgumentException when the text is not such a key
     */
    static RSAKey fromPem(String pem) throws GeneralSecurityException, JOSEException {
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM PKCS #8 private key (" + begin + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        KeyFactory factory = KeyFactory.getInstance("RSA");
        if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
            throw new IllegalArgumentException("not an RSA private key with its CRT parameters");
        }
        if (key.getModulus().bitLength() < GENERATED_BITS) {
            throw new IllegalArgumentException("an RSA key of at least " + GENERATED_BITS + " bits is needed");
        }
        RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(
            new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        RSAKey jwk = new RSAKey.Builder(pub).privateKey(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
            .build();
        return new RSAKey.Builder(jwk).keyID(jwk.computeThumbprint().toString()).build();
    }

    /** PEM PKCS #8 text of a private key. */
    static String toPem(java.security.PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    }

    private static void writeNewKey(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(GENERATED_BITS);
        KeyPair pair = generator.generateKeyPair();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".motcua-token-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's permissions apply.
            }
            Files.writeString(tmp, toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        LOG.warning(() -> "Generated a development token signing key in " + file
            + " (motcua.auth.token.generate-key=true; never on production)");
    }
}
