package vn.gov.quangtri.motcua.account.application;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Marks trusted in-process work (start-up data, nightly batch, in-container tests) so that the services
 * it calls on the same thread act with {@link vn.gov.quangtri.motcua.account.domain.AccessScope#SYSTEM}.
 * Requests from users or partner systems never run inside it.
 *
 * <p>This is also the one way to name the actor that such work records in a dossier's history: a signed-in
 * account is always recorded as itself (the dossier services take no {@code actor} argument), while trusted
 * work names the account or process it acts for with {@link #run(String, Supplier)}. A dossier change made
 * with system scope but no name fails ({@link #requireActor}) rather than record a blank actor. An inner
 * {@link #run(Supplier)} keeps the name of the enclosing named run; an inner named run replaces it until it
 * ends.
 */
public final class SystemTask {

    /** The actor names of the named runs on this thread, innermost first ("" for an unnamed run). */
    private static final ThreadLocal<Deque<String>> RUNS = ThreadLocal.withInitial(ArrayDeque::new);

    private SystemTask() {
    }

    /** Runs the work with system scope (keeping the actor named by an enclosing run, if any). */
    public static <T> T run(Supplier<T> work) {
        return enter(null, work);
    }

    /**
     * Runs the work with system scope, recording {@code actor} as the actor of every dossier change it makes.
     *
     * @param actor the user name or process name to record in the history; not blank
     * @throws IllegalArgumentException for a blank name
     */
    public static <T> T run(String actor, Supplier<T> work) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("Trusted work must name its actor");
        }
        return enter(actor.strip(), work);
    }

    private static <T> T enter(String actor, Supplier<T> work) {
        Deque<String> runs = RUNS.get();
        runs.push(actor != null ? actor : runs.isEmpty() ? "" : runs.peek());
        try {
            return work.get();
        } finally {
            runs.pop();
            if (runs.isEmpty()) {
                RUNS.remove();
            }
        }
    }

    static boolean active() {
        return !RUNS.get().isEmpty();
    }

    /**
     * The actor named by the innermost named run on this thread, for the history of a change made with system
     * scope.
     *
     * @param what what is being changed (for the error message)
     * @throws IllegalStateException when no enclosing run names an actor: trusted work must say whom it acts
     *                               for, never record a blank actor
     */
    public static String requireActor(String what) {
        Deque<String> runs = RUNS.get();
        String actor = runs.isEmpty() ? "" : runs.peek();
        if (runs.isEmpty()) {
            RUNS.remove();
        }
        if (actor.isEmpty()) {
            throw new IllegalStateException("A change to " + what + " with system scope names no actor: run it inside "
                + "SystemTask.run(actor, work)");
        }
        return actor;
    }
}
