package vn.gov.quangtri.motcua.shared.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.AroundInvoke;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The session beans are used through their no-interface view, which refuses a call to any method that is not public
 * ("Illegal non-business method access on no-interface view"; Jakarta Enterprise Beans 4.0 §4.9.8). A package-private
 * method that another bean calls therefore fails only at run time, and only on the path that calls it: the nightly
 * start of the batch jobs failed this way every night. Every non-private instance method of a session bean must be
 * public, except the container's callbacks (lifecycle, timers, interceptors, CDI observers), which the container
 * calls itself.
 */
class EjbViewsTest {

    /** Package-private on purpose: called only inside their bean and by its unit tests, never by another bean. */
    private static final List<String> UNIT_TESTED = List.of("PublicLookup.view", "AccountService.hash",
        "AccountService.usesOf", "ExternalTokens.configure");

    @Test
    @DisplayName("no session bean has a package-private or protected method another bean could call")
    void businessMethodsArePublic() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(SampleDataLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> beans = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (!c.isAnnotationPresent(Stateless.class) && !c.isAnnotationPresent(Singleton.class)) {
                    continue;
                }
                beans.add(c.getSimpleName());
                for (Method m : c.getDeclaredMethods()) {
                    int mod = m.getModifiers();
                    if (Modifier.isPublic(mod) || Modifier.isPrivate(mod) || Modifier.isStatic(mod) || m.isSynthetic()
                        || callback(m) || UNIT_TESTED.contains(c.getSimpleName() + "." + m.getName())) {
                        continue;
                    }
                    offenders.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(beans.contains("BatchJobs") && beans.contains("SampleDataLoader") && beans.size() > 30,
            "the scan found the session beans: " + beans);
        assertEquals(List.of(), offenders, "make them public (or private if only the bean itself calls them)");
    }

    private static boolean callback(Method m) {
        return m.isAnnotationPresent(PostConstruct.class) || m.isAnnotationPresent(PreDestroy.class)
            || m.isAnnotationPresent(Timeout.class) || m.isAnnotationPresent(Schedule.class)
            || m.isAnnotationPresent(Schedules.class) || m.isAnnotationPresent(AroundInvoke.class)
            || Arrays.stream(m.getParameters()).anyMatch(EjbViewsTest::observed);
    }

    private static boolean observed(Parameter p) {
        return p.isAnnotationPresent(Observes.class);
    }
}
