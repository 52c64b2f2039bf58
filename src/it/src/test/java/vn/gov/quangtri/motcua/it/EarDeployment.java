package vn.gov.quangtri.motcua.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR built by this Maven build (module {@code ear}), for {@code @Deployment(testable = false)}.
 *
 * <pre>
 * &#64;Deployment(testable = false)
 * static EnterpriseArchive ear() { return EarDeployment.ear(); }
 * </pre>
 */
public final class EarDeployment {

    /** The application name on the server, and the EAR's file name. */
    public static final String NAME = "motcua";

    private EarDeployment() {
    }

    /** The EnterpriseArchive read from the built EAR, named {@code motcua.ear}. */
    public static EnterpriseArchive ear() {
        File file = earFile();
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
        if (!ear.getName().equals(NAME + ".ear")) { // e.g. motcua-ear-0.1.0-SNAPSHOT.ear from ~/.m2
            ear = ShrinkWrap.create(EnterpriseArchive.class, NAME + ".ear").merge(ear);
        }
        return ear;
    }

    /**
     * The EAR with an in-container test class (and the helpers every such test uses) added to its web module,
     * for {@code @Deployment} (testable): the test runs inside the server and injects the services.
     */
    public static EnterpriseArchive withTest(Class<?> testClass) {
        EnterpriseArchive ear = ear();
        ear.getAsType(WebArchive.class, "motcua-web.war")
            .addClasses(testClass, MotcuaIT.class, DatabaseRound.class, TestServer.class, Await.class);
        return ear;
    }

    /**
     * System property {@code motcua.it.earFile} (failsafe sets it to the EAR of this reactor build),
     * else {@code ear/target/motcua.ear} of the source tree.
     */
    public static File earFile() {
        String configured = System.getProperty("motcua.it.earFile");
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            File file = new File(configured);
            if (file.isFile()) {
                return file;
            }
        }
        for (String candidate : new String[] {"../../ear/target/motcua.ear", "ear/target/motcua.ear"}) {
            File file = new File(candidate);
            if (file.isFile()) {
                return file.getAbsoluteFile();
            }
        }
        throw new IllegalStateException("The EAR was not found (motcua.it.earFile=" + configured
            + "). Build it first: ./mvnw package -DskipTests, or run ./mvnw verify from the repository root.");
    }
}
