package vn.gov.quangtri.motcua.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the test class when this round's domain was not started: in the PostgreSQL round when no
 * PostgreSQL answered (it-servers.sh then writes {@code postgresql.skipped} with the message
 * "PostgreSQL tests SKIPPED: no PostgreSQL at host:port"), which is printed and is the skip reason.
 *
 * <p>This is a JUnit execution condition rather than {@code Assumptions.abort} in a callback: a
 * condition is evaluated before any extension runs, so Arquillian never tries to reach the domain that
 * is not there. (An abort in {@code beforeAll} still lets Arquillian's {@code afterAll} run, which then
 * fails with "Could not connect to DAS" and turns the skip into an error.) Inside a test method,
 * {@code Assumptions} work as usual.
 */
public final class DatabaseRound implements ExecutionCondition, BeforeAllCallback {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (System.getProperty("motcua.it.stateDir") == null) {
            // Inside the server (in-container tests): the client side already made this decision.
            return ConditionEvaluationResult.enabled("running inside the application server");
        }
        String database = TestServer.database();
        Path skipped = TestServer.stateDir().resolve(database + ".skipped");
        if (Files.isRegularFile(skipped)) {
            String message = read(skipped);
            if (context.getTestMethod().isEmpty()) { // once per class
                System.out.println(message + " (" + context.getDisplayName() + ")");
            }
            return ConditionEvaluationResult.disabled(message);
        }
        Path started = TestServer.stateDir().resolve(database + ".properties");
        if (!Files.isRegularFile(started) && !Boolean.getBoolean("motcua.it.noStateCheck")) {
            return ConditionEvaluationResult.disabled("Tests SKIPPED: no test domain for database " + database
                + " (" + started + " is missing; run them through Maven: ./mvnw verify)");
        }
        return ConditionEvaluationResult.enabled("test domain for " + database + " is running");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        System.out.println("[" + context.getDisplayName() + "] database round: " + TestServer.describeDatabase());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
