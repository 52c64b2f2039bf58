package vn.gov.quangtri.motcua.portal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import vn.gov.quangtri.motcua.shared.domain.InstantConverter;

/**
 * How far we have read one of the portal's lists (issue 15 §3a; V42): the cursor to ask from next time (the last
 * item decided, taken or not), so a restart neither re-reads everything nor skips anything. One row per list
 * ({@link #ONLINE}: the online submissions).
 */
@Entity
@Table(name = "portal_cursor")
public class PortalCursor {

    /** The list of online submissions. */
    public static final String ONLINE = "online";

    @Id
    @Column(name = "list_name", length = 40)
    private String name;

    @Column(name = "position_value", length = 40, nullable = false)
    private String position;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PortalCursor() {
    }

    /** A cursor at {@code position}. */
    public PortalCursor(String name, String position, Instant now) {
        this.name = Objects.requireNonNull(name, "name");
        move(position, now);
    }

    /** Moves on to {@code position}. */
    public void move(String position, Instant now) {
        this.position = Objects.requireNonNull(position, "position");
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    public String name() {
        return name;
    }

    public String position() {
        return position;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
