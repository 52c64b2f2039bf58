package vn.gov.quangtri.motcua.dossier.infrastructure.file;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import vn.gov.quangtri.motcua.dossier.application.FileStore;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * Keeps file bytes in an S3-compatible object store (Amazon S3, MinIO, Ceph …), one object per key under
 * {@code yyyy/MM/} in one bucket, with the SHA-256 as the object's {@code sha256} metadata. The object is written
 * when the file is attached and deleted again when the caller's transaction does not commit. Settings (MicroProfile
 * Config; the secret preferably as a Payara password alias, {@code ${ALIAS=…}}):
 * {@code motcua.files.s3.bucket} (required), {@code motcua.files.s3.endpoint} (the store's URL; empty for Amazon S3 in
 * the region), {@code motcua.files.s3.region} (default {@code us-east-1}), {@code motcua.files.s3.access-key},
 * {@code motcua.files.s3.secret-key}, {@code motcua.files.s3.path-style} (default true: {@code endpoint/bucket/key},
 * what most S3-compatible servers expect). The bucket must exist; the server never creates it.
 */
@ApplicationScoped
public class S3FileStore implements FileStore {

    /** Key prefix of this store. */
    public static final String PREFIX = "s3:";

    /**
     * Where and how to reach the store.
     *
     * @param endpoint  the store's URL, or null for Amazon S3
     * @param region    the signing region
     * @param bucket    the bucket
     * @param accessKey the access key id, or null for the SDK's default credential chain
     * @param secretKey the secret key
     * @param pathStyle address buckets in the path rather than the host name
     */
    public record Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
                           boolean pathStyle) {

        /** The settings of MicroProfile Config ({@code motcua.files.s3.*}). */
        static Settings configured() throws IOException {
            Config c = ConfigProvider.getConfig();
            String bucket = value(c, "bucket").orElseThrow(
                () -> new IOException("motcua.files.s3.bucket is not configured"));
            return new Settings(value(c, "endpoint").orElse(null), value(c, "region").orElse("us-east-1"), bucket,
                value(c, "access-key").orElse(null), value(c, "secret-key").orElse(null),
                value(c, "path-style").map(Boolean::parseBoolean).orElse(true));
        }

        private static Optional<String> value(Config c, String name) {
            return c.getOptionalValue("motcua.files.s3." + name, String.class).map(String::strip)
                .filter(v -> !v.isEmpty());
        }
    }

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Settings given by a test, or null to read the configuration. */
    private final Settings fixed;
    private volatile S3Client client;
    private volatile Settings clientSettings;

    /** For CDI: the settings come from {@code motcua.files.s3.*}. */
    public S3FileStore() {
        this.fixed = null;
    }

    /** A store with given settings and transaction registry (tests outside a container). */
    S3FileStore(TransactionSynchronizationRegistry transactions, Settings settings) {
        this.transactions = transactions;
        this.fixed = settings;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String put(Path content, String sha256) throws IOException {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        String key = String.format("%04d/%02d/%s", today.getYear(), today.getMonthValue(), UUID.randomUUID());
        Settings s = settings();
        S3Client s3 = client(s);
        try {
            s3.putObject(b -> b.bucket(s.bucket()).key(key).metadata(Map.of("sha256", sha256)),
                RequestBody.fromFile(content));
        } catch (SdkException e) {
            throw new IOException("The object store refused the file: " + e.getMessage(), e);
        }
        OnRollback.undo(transactions, s.bucket() + "/" + key,
            () -> s3.deleteObject(b -> b.bucket(s.bucket()).key(key)));
        return PREFIX + key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        if (!key.startsWith(PREFIX) || key.contains("..")) {
            throw new NoSuchFileException(key);
        }
        Settings s = settings();
        try {
            return client(s).getObject(b -> b.bucket(s.bucket()).key(key.substring(PREFIX.length())));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("The object store could not be read: " + e.getMessage(), e);
        }
    }

    private Settings settings() throws IOException {
        return fixed != null ? fixed : Settings.configured();
    }

    /** One client per settings (rebuilt when the configuration changed). */
    private S3Client client(Settings s) {
        S3Client c = client;
        if (c == null || !s.equals(clientSettings)) {
            synchronized (this) {
                if (client == null || !s.equals(clientSettings)) {
                    S3ClientBuilder b = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                        .region(Region.of(s.region())).forcePathStyle(s.pathStyle());
                    if (s.endpoint() != null) {
                        b.endpointOverride(URI.create(s.endpoint()));
                    }
                    if (s.accessKey() != null) {
                        b.credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(s.accessKey(), s.secretKey() == null ? "" : s.secretKey())));
                    }
                    if (client != null) {
                        client.close();
                    }
                    client = b.build();
                    clientSettings = s;
                }
                c = client;
            }
        }
        return c;
    }
}
