package vn.gov.quangtri.motcua.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test class that runs against the deployed EAR in each database round.
 * Use it instead of {@code @ExtendWith(ArquillianExtension.class)}: it first skips the class when
 * the round's domain is not running (see {@link DatabaseRound}), then hands over to Arquillian.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseRound.class)
@ExtendWith(ArquillianExtension.class)
public @interface MotcuaIT {
}
