package vn.gov.quangtri.motcua.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, null {@code SignInGuard} after disable + enable (see {@link PasswordCheck}): the CDI beans of the sign-in
 * path get their services by {@code @Inject}, never by {@code @EJB} (resolved through the creating thread's component
 * environment, silently null without one), and a {@link PasswordCheck} without its services is never completed.
 */
class SignInPathInjectionTest {

    @Test
    @DisplayName("The application-scoped beans of the sign-in path declare no @EJB field; their services are @Inject")
    void noEjbFieldsOnTheSignInPath() {
        List<String> ejbFields = new ArrayList<>();
        for (Class<?> bean : List.of(PasswordCheck.class, MotcuaAuthenticationMechanism.class)) {
            assertTrue(bean.isAnnotationPresent(ApplicationScoped.class), bean.getName());
            for (Field f : bean.getDeclaredFields()) {
                if (f.isAnnotationPresent(EJB.class)) {
                    ejbFields.add(bean.getSimpleName() + "." + f.getName());
                }
            }
        }
        assertEquals(List.of(), ejbFields);
        for (String name : List.of("stamps", "guard", "identityStore", "hasher")) {
            assertTrue(field(PasswordCheck.class, name).isAnnotationPresent(Inject.class), name);
        }
        for (String name : List.of("stamps", "passwords", "tokens", "external")) {
            assertTrue(field(MotcuaAuthenticationMechanism.class, name).isAnnotationPresent(Inject.class), name);
        }
    }

    @Test
    @DisplayName("A PasswordCheck created without its services fails its @PostConstruct (CDI keeps no broken instance)")
    void brokenInstanceIsRefused() {
        PasswordCheck check = new PasswordCheck();
        IllegalStateException e = assertThrows(IllegalStateException.class, check::start);
        assertTrue(e.getMessage().startsWith("PasswordCheck created without its services"), e.getMessage());
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(type.getSimpleName() + " has no field " + name, e);
        }
    }
}
