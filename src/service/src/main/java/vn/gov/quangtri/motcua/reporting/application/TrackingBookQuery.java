package vn.gov.quangtri.motcua.reporting.application;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import vn.gov.quangtri.motcua.catalogue.domain.StepKind;
import vn.gov.quangtri.motcua.catalogue.domain.StepRole;
import vn.gov.quangtri.motcua.dossier.domain.DossierStatus;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.interagency.domain.TransferSide;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The queries of the dossier tracking book (Sổ theo dõi hồ sơ, form 07) for {@link ReportingService#trackingBook},
 * which checks the filter and the caller's scope first: received dossiers in receipt order (then by code), numbered
 * over the whole filter. Three queries: count, the page (scalar columns), and the desk and first steps of the
 * page's dossiers (for the transfer date); the lead deciding agency is the receiving unit, or for an inter-agency
 * child dossier the agency that sent it (never a step's responsible-unit label). Runs in the calling bean's
 * transaction on its entity manager.
 */
final class TrackingBookQuery {

    private static final java.time.format.DateTimeFormatter PAUSE_FORMAT =
        java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final EntityManager em;

    TrackingBookQuery(EntityManager em) {
        this.em = em;
    }

    /**
     * One page of the book.
     *
     * @param f      the checked filter, its units already limited to the caller's scope (null = all units)
     * @param offset first line, ≥ 0
     * @param limit  page size, checked by the caller
     */
    TrackingBookSlice page(TrackingBookFilter f, int offset, int limit) {
        return page(f, offset, limit, -1);
    }

    /** The number of lines of the book under the filter (the count query alone). */
    long count(TrackingBookFilter f) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM Dossier d JOIN d.receivingAgency a" + where, Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /**
     * One page of the book, with the count already known (a lazy table counted just before), or -1 to count.
     */
    TrackingBookSlice page(TrackingBookFilter f, int offset, int limit, long knownTotal) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        long total = knownTotal >= 0 ? knownTotal : count(f);
        TypedQuery<Object[]> page = em.createQuery("SELECT d.id, d.code, d.snapshot.name, d.applicant.name,"
            + " d.applicant.address, d.applicant.phone, a.name, d.clock.receivedAt, d.clock.dueAt, d.clock.rescheduledDueAt,"
            + " d.clock.completedAt, d.handOver.returnedAt, d.handOver.returnedTo, d.status, d.clock.timeliness, d.origin.child, d.origin.parentCode,"
            + " d.clock.pausedAt"
            + " FROM Dossier d JOIN d.receivingAgency a" + where + " ORDER BY d.clock.receivedAt, d.code", Object[].class);
        params.forEach(page::setParameter);
        List<Object[]> rows = offset >= total ? List.of() : page.setFirstResult(offset).setMaxResults(limit).getResultList();
        return slice(total, offset, rows);
    }

    /** The JPQL condition of the filter, filling its parameters. */
    private static String where(TrackingBookFilter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE d.clock.receivedAt IS NOT NULL");
        if (f.agencyCodes() != null) {
            where.append(" AND a.code IN :codes");
            params.put("codes", List.copyOf(f.agencyCodes()));
        }
        if (f.receivedFrom() != null) {
            where.append(" AND d.clock.receivedAt >= :from");
            params.put("from", f.receivedFrom().atStartOfDay(VietnamTime.ZONE).toInstant());
        }
        if (f.receivedTo() != null) {
            where.append(" AND d.clock.receivedAt < :to");
            params.put("to", f.receivedTo().plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
        }
        if (f.procedureCode() != null && !f.procedureCode().isBlank()) {
            where.append(" AND d.snapshot.code = :procedure");
            params.put("procedure", f.procedureCode().strip());
        }
        if (f.field() != null && !f.field().isBlank()) {
            where.append(" AND d.snapshot.field = :field");
            params.put("field", f.field().strip());
        }
        if (f.status() != null) {
            where.append(" AND d.status = :status");
            params.put("status", f.status());
        }
        return where.toString();
    }

    private TrackingBookSlice slice(long total, int offset, List<Object[]> rows) {
        Map<Long, StepFacts> steps = steps(rows.stream().map(r -> (Long) r[0]).toList());
        Map<Long, String> leads = leadAgenciesOfChildren(rows.stream().filter(r -> Boolean.TRUE.equals(r[15])).toList());
        List<TrackingBookRow> out = new ArrayList<>();
        long seq = offset;
        for (Object[] r : rows) {
            StepFacts s = steps.getOrDefault((Long) r[0], new StepFacts());
            DossierStatus status = (DossierStatus) r[13];
            Timeliness timeliness = (Timeliness) r[14];
            Instant completed = (Instant) r[10];
            Instant resultReady = status == DossierStatus.STOPPED ? null : completed;
            String agencyName = (String) r[6];
            out.add(new TrackingBookRow(++seq, (String) r[1], (String) r[2], 1, (String) r[3], (String) r[4],
                (String) r[5], agencyName, leads.getOrDefault((Long) r[0], agencyName), (Instant) r[7],
                (Instant) r[8], (Instant) r[9], s.transferredAt, resultReady, (Instant) r[11], (String) r[12], status,
                timeliness, notes(status, timeliness, (Instant) r[9], completed, (Instant) r[17]),
                Boolean.TRUE.equals(r[15]) ? (String) r[16] : null));
        }
        return new TrackingBookSlice(total, offset, out);
    }

    /** Desk hand-over per dossier. */
    private static final class StepFacts {
        Instant transferredAt;
    }

    /**
     * The lead agency (cơ quan chủ trì giải quyết) of inter-agency child dossiers: the agency that transferred
     * the leg to us (the receiver-side transfer's sending agency), or, when the parent lives in this
     * installation without a transfer row, the parent's receiving unit. Any other dossier is led by its
     * receiving unit (the co-operating agencies of a procedure's legs only perform a part of it, docs/domain.md §2.6).
     *
     * @param children page rows of child dossiers (id at 0, parent code at 16)
     * @return agency name by dossier id; children whose leading agency is unknown are absent
     */
    private Map<Long, String> leadAgenciesOfChildren(List<Object[]> children) {
        Map<Long, String> out = new HashMap<>();
        if (children.isEmpty()) {
            return out;
        }
        List<Long> ids = children.stream().map(r -> (Long) r[0]).toList();
        Map<Long, String> codes = new HashMap<>();
        for (Object[] t : em.createQuery("SELECT t.dossier.id, t.sendingAgencyCode FROM InterAgencyTransfer t"
                + " WHERE t.dossier.id IN :ids AND t.side = :receiver", Object[].class)
                .setParameter("ids", ids).setParameter("receiver", TransferSide.RECEIVER).getResultList()) {
            codes.putIfAbsent((Long) t[0], (String) t[1]);
        }
        if (!codes.isEmpty()) {
            Map<String, String> names = new HashMap<>();
            em.createQuery("SELECT a.code, a.name FROM Agency a WHERE a.code IN :codes", Object[].class)
                .setParameter("codes", List.copyOf(new HashSet<>(codes.values()))).getResultList()
                .forEach(a -> names.put((String) a[0], (String) a[1]));
            codes.forEach((id, code) -> {
                if (names.containsKey(code)) {
                    out.put(id, names.get(code));
                }
            });
        }
        Map<String, Long> byParent = new HashMap<>();
        children.stream().filter(r -> !out.containsKey((Long) r[0]) && r[16] != null)
            .forEach(r -> byParent.put((String) r[16], (Long) r[0]));
        if (!byParent.isEmpty()) {
            em.createQuery("SELECT d.code, d.receivingAgency.name FROM Dossier d WHERE d.code IN :codes", Object[].class)
                .setParameter("codes", List.copyOf(byParent.keySet())).getResultList()
                .forEach(p -> out.put(byParent.get((String) p[0]), (String) p[1]));
        }
        return out;
    }

    private Map<Long, StepFacts> steps(List<Long> ids) {
        Map<Long, StepFacts> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createQuery("SELECT s.dossier.id, s.position, s.role, s.kind, s.responsibleUnit,"
                + " s.completedAt FROM DossierStep s WHERE s.dossier.id IN :ids AND s.position = 1"
                + " ORDER BY s.dossier.id, s.position", Object[].class)
            .setParameter("ids", ids).getResultList();
        for (Object[] r : rows) {
            StepFacts f = out.computeIfAbsent((Long) r[0], k -> new StepFacts());
            if ((Integer) r[1] == 1 && r[2] == StepRole.ONE_STOP_OFFICER && r[3] != StepKind.APPROVAL) {
                f.transferredAt = (Instant) r[5];
            }
        }
        return out;
    }

    private static String notes(DossierStatus status, Timeliness timeliness, Instant rescheduled, Instant completed,
                                Instant paused) {
        List<String> notes = new ArrayList<>();
        if (status == DossierStatus.STOPPED) {
            notes.add("Dừng giải quyết");
        } else if (status == DossierStatus.NOT_APPROVED) {
            notes.add("Không giải quyết (có văn bản trả lời)");
        } else if (status == DossierStatus.SUPPLEMENT_REQUESTED_IN_PROCESS) {
            notes.add("Chờ bổ sung hồ sơ");
        } else if (status == DossierStatus.WAITING_FINANCIAL_OBLIGATION) {
            notes.add("Chờ thực hiện nghĩa vụ tài chính");
        }
        if (paused != null) {
            notes.add("Tạm dừng tính thời gian từ " + VietnamTime.local(paused).format(PAUSE_FORMAT));
        }
        if (rescheduled != null) {
            notes.add("Đã xin lỗi, hẹn lại");
        }
        if (timeliness != null && completed != null) {
            notes.add(switch (timeliness) {
                case EARLY -> "Trước hạn";
                case ON_TIME -> "Đúng hạn";
                case LATE -> "Quá hạn";
            });
        }
        return String.join("; ", notes);
    }
}
