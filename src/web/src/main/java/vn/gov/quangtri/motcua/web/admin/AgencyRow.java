package vn.gov.quangtri.motcua.web.admin;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.gov.quangtri.motcua.agency.domain.Agency;
import vn.gov.quangtri.motcua.agency.domain.AgencyKind;
import vn.gov.quangtri.motcua.agency.domain.AgencyLevel;

/**
 * One unit of the agency tree as shown on a chosen day.
 *
 * @param code             internal key
 * @param name             the name in force on the chosen day
 * @param currentName      the newest name (may differ from {@code name} for a past day or a future rename)
 * @param level            administrative level
 * @param kind             kind of unit
 * @param parentCode       parent code, or null
 * @param edocCode         electronic identifier, or null
 * @param validFrom        first day, or null
 * @param validTo          last day, or null
 * @param successorCode    successor's code, or null
 * @param successorName    successor's name, or null
 * @param receivesDossiers whether it has a One-stop desk
 * @param formerNames      former names, oldest first
 * @param previousName     the name in force just before the chosen day's name, or null
 * @param newNameFrom      first day of {@code currentName} when it is later than the chosen day (a future rename), else null
 */
public record AgencyRow(String code, String name, String currentName, AgencyLevel level, AgencyKind kind,
                        String parentCode, String edocCode, LocalDate validFrom, LocalDate validTo,
                        String successorCode, String successorName, boolean receivesDossiers,
                        List<Former> formerNames, String previousName, LocalDate newNameFrom) implements Serializable {

    /**
     * A former name.
     *
     * @param name    the name
     * @param validTo its last day
     */
    public record Former(String name, LocalDate validTo) implements Serializable {
    }

    /** The row of a unit on a Vietnam local date. */
    public static AgencyRow of(Agency a, LocalDate day) {
        List<Former> former = a.formerNames().stream().map(f -> new Former(f.name(), f.validTo())).toList();
        String previous = former.stream().filter(f -> f.validTo().isBefore(day)).reduce((x, y) -> y).map(Former::name)
            .orElse(null);
        LocalDate since = a.currentNameSince();
        LocalDate upcoming = since != null && since.isAfter(day) && !former.isEmpty() ? since : null;
        return new AgencyRow(a.code(), a.nameOn(day), a.name(), a.level(), a.kind(),
            a.parent() == null ? null : a.parent().code(), a.edocCode(), a.validFrom(), a.validTo(),
            a.successor() == null ? null : a.successor().code(), a.successor() == null ? null : a.successor().name(),
            a.receivesDossiers(), former, previous, upcoming);
    }

    /** Whether the unit had other names. */
    public boolean renamed() {
        return !formerNames.isEmpty();
    }
}
