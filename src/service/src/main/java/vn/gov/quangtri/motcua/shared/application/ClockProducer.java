package vn.gov.quangtri.motcua.shared.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Supplies the clock the services read "now" from (UTC instants; business time is Asia/Ho_Chi_Minh). */
@ApplicationScoped
public class ClockProducer {

    /** The system clock. */
    @Produces
    @ApplicationScoped
    public Clock clock() {
        return Clock.systemUTC();
    }
}
