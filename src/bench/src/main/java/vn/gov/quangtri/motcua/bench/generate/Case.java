package vn.gov.quangtri.motcua.bench.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.SplittableRandom;
import vn.gov.quangtri.motcua.bench.generate.Reference.Document;
import vn.gov.quangtri.motcua.bench.generate.Reference.Procedure;
import vn.gov.quangtri.motcua.bench.generate.Reference.Step;
import vn.gov.quangtri.motcua.bench.generate.Reference.Unit;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.Timeliness;
import vn.gov.quangtri.motcua.shared.domain.TextSearch;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * One generated dossier with its whole history up to "now": receipt (and online submission), each internal step
 * completed by an officer of the role it names, a supplement pause, a stop or a refusal, the result and its hand-over.
 * The statuses, events and times follow the application's lifecycle, so the screens and reports read them as real.
 */
final class Case {

    /** Reform date: dossiers received from it on run under Decree 118/2025 (before: Decree 61/2018). */
    static final LocalDate DECREE_118 = LocalDate.of(2025, 7, 1);
    private static final LocalTime[] OPENINGS = {LocalTime.of(8, 0), LocalTime.of(13, 0)};

    private final String code;
    private final List<Step> steps;
    private final Instant childStart;

    private Case(String code, List<Step> steps, Instant childStart) {
        this.code = code;
        this.steps = steps;
        this.childStart = childStart;
    }

    List<Step> steps() {
        return steps;
    }

    /**
     * Generates a dossier (or an inter-agency child of {@code parent}) and adds its rows.
     *
     * @return the case, or null when it produced no processing (refused at intake, or received after "now")
     */
    static Case of(YearGenerator g, Rows rows, Unit unit, Procedure p, LocalDate day, Case parent) {
        SplittableRandom r = g.random();
        WorkingCalendar cal = g.calendar();
        Instant now = g.now();
        boolean child = parent != null;
        if (child && parent.childStart == null) {
            return null;
        }
        String channel;
        double x = r.nextDouble();
        if (child) {
            channel = "DIRECT";
        } else if (!cal.isWorkingDay(day) || x < Mix.ONLINE) {
            channel = "ONLINE";
        } else {
            channel = x < Mix.ONLINE + Mix.POSTAL ? "POSTAL" : "DIRECT";
        }
        Instant submitted;
        Instant received;
        if (child) {
            submitted = parent.childStart;
            received = parent.childStart;
        } else if (channel.equals("ONLINE")) {
            submitted = YearGenerator.vn(day, LocalTime.of(0, 0).plusMinutes(r.nextInt(24 * 60)));
            received = cal.addWorkingMinutes(cal.clockStart(submitted), r.nextInt(180));
        } else {
            submitted = YearGenerator.vn(day, OPENINGS[r.nextInt(2)].plusMinutes(r.nextInt(225)));
            received = submitted;
        }
        if (received.isAfter(now)) {
            return null;
        }
        LocalDate receivedDay = received.atZone(VietnamTime.ZONE).toLocalDate();
        String regime = receivedDay.isBefore(DECREE_118) ? "DECREE_61_2018" : "DECREE_118_2025";
        String code = g.nextCode(unit, receivedDay);
        boolean woman = r.nextBoolean();
        boolean organisation = !child && r.nextDouble() < Mix.ORGANISATION;
        String name = organisation ? Mix.businessName(r) : Mix.personName(r, woman);
        Rows.Dossier d = rows.dossier(code, regime, p, unit.code(), channel, organisation ? "ORGANISATION" : "INDIVIDUAL",
            name, TextSearch.fold(name), organisation ? Mix.taxCode(r) : Mix.citizenId(r, woman), Mix.phone(r),
            organisation ? null : Mix.address(r), submitted, received);
        if (child) {
            d.child(parent.code, 1);
        }
        String desk = YearGenerator.officer(unit, "ONE_STOP_OFFICER", 1 + r.nextInt(3));
        String status = null;
        if (channel.equals("ONLINE")) {
            d.event(submitted, "dvcqg", "SUBMIT_ONLINE", null, "SUBMITTED_ONLINE", null, null);
            status = "SUBMITTED_ONLINE";
        }
        if (!child && r.nextDouble() < Mix.REFUSED) {
            d.event(received, desk, "REFUSE", status, "REFUSED", null, "Hồ sơ không thuộc thẩm quyền giải quyết");
            d.finish("REFUSED", null, null, null, null, null);
            documents(d, p);
            return null;
        }
        Instant clockStart = cal.clockStart(received);
        d.clock(clockStart);
        Instant due = cal.dueAt(clockStart, p.limit());
        List<Step> plan = g.plan(p, clockStart, due);
        if (child) {
            // A child runs on the share of the parent's second step (the leg the partner performs).
            long leg = Math.max(60, parent.steps.size() > 1 ? parent.steps.get(1).minutes() : 480);
            due = cal.addWorkingMinutes(clockStart, leg);
            plan = g.plan(new Procedure(p.id(), p.code(), p.name(), p.field(), p.province(), p.commune(), p.limit(),
                p.fee(), p.pauseForFinance(), p.revision(), List.of(), p.documents(), 0, 0), clockStart, due);
        }
        d.event(received, desk, child ? "RECEIVE_TRANSFER" : "RECEIVE", status, "RECEIVED", 1, null);
        status = "RECEIVED";
        long total = Math.max(plan.size() * 10L, cal.workingMinutesBetween(clockStart, due));
        boolean late = r.nextDouble() < p.lateRate();
        double used = late ? 1.03 + r.nextDouble() * 0.5 : 0.25 + r.nextDouble() * 0.73;
        long actual = Math.max(plan.size() * 5L, Math.round(total * used));
        boolean stop = !child && r.nextDouble() < Mix.STOPPED && plan.size() > 1;
        boolean supplement = !stop && plan.size() > 1 && r.nextDouble() < Mix.SUPPLEMENT;
        double pauseShare = plan.get(0).share() + plan.get(1 % plan.size()).share() * 0.4;
        Instant pausedAt = supplement ? cal.addWorkingMinutes(clockStart, Math.round(actual * pauseShare)) : null;
        Instant resumedAt = supplement ? cal.addWorkingMinutes(pausedAt, (2 + r.nextInt(9)) * 480L) : null;
        if (supplement) {
            due = cal.shiftForPause(due, pausedAt, resumedAt);
        }
        Instant start = received;
        long cumulativeAllotted = 0;
        double cumulativeShare = 0;
        Instant childStart = null;
        String specialist = YearGenerator.officer(unit, "SPECIALIST", 1 + r.nextInt(4));
        for (int i = 0; i < plan.size(); i++) {
            Step s = plan.get(i);
            cumulativeAllotted += s.minutes();
            cumulativeShare += s.share();
            Instant stepDue = cal.addWorkingMinutes(clockStart, cumulativeAllotted);
            Instant end = cal.addWorkingMinutes(clockStart, Math.round(actual * Math.min(1, cumulativeShare)));
            if (supplement) {
                stepDue = cal.shiftForPause(stepDue, pausedAt, resumedAt);
                if (end.isAfter(pausedAt)) {
                    end = cal.shiftForPause(end, pausedAt, resumedAt);
                }
            }
            if (!end.isAfter(start)) {
                end = start.plusSeconds(60);
            }
            String handler = switch (s.role()) {
                case "SPECIALIST" -> specialist;
                case "LEADER" -> YearGenerator.officer(unit, "LEADER", 1);
                default -> desk;
            };
            if (i == 1) {
                childStart = start;
            }
            boolean pauseHere = supplement && pausedAt.isAfter(start) && !pausedAt.isAfter(end);
            if (pauseHere && !pausedAt.isAfter(now)) {
                d.event(pausedAt, specialist, "REQUEST_SUPPLEMENT", status, "SUPPLEMENT_REQUESTED_IN_PROCESS", i + 1,
                    "Bổ sung bản sao có chứng thực giấy tờ chứng minh");
                d.supplement();
                if (resumedAt.isAfter(now)) {
                    d.step(i + 1, s, start, stepDue, null, handler, null, null);
                    openSteps(d, plan, i + 1, cal, clockStart, cumulativeAllotted, pausedAt, resumedAt, supplement);
                    d.finish("SUPPLEMENT_REQUESTED_IN_PROCESS", i + 1, due, pausedAt, null, null);
                    documents(d, p);
                    return new Case(code, plan, childStart);
                }
                d.event(resumedAt, desk, "RESUME", "SUPPLEMENT_REQUESTED_IN_PROCESS", status, i + 1,
                    "Công dân đã bổ sung hồ sơ");
            }
            if (stop && i == 1) {
                Instant stoppedAt = cal.addWorkingMinutes(start, Math.max(1, s.minutes() / 3));
                if (!stoppedAt.isAfter(now)) {
                    d.step(i + 1, s, start, stepDue, null, handler, null, null);
                    openSteps(d, plan, i + 1, cal, clockStart, cumulativeAllotted, null, null, false);
                    d.event(stoppedAt, YearGenerator.officer(unit, "LEADER", 1), "STOP", status, "STOPPED", i + 1,
                        "Công dân có đơn xin rút hồ sơ");
                    d.finish("STOPPED", null, due, null, stoppedAt, null);
                    documents(d, p);
                    return new Case(code, plan, childStart);
                }
            }
            if (end.isAfter(now)) {
                d.step(i + 1, s, start, stepDue, null, handler, null, null);
                openSteps(d, plan, i + 1, cal, clockStart, cumulativeAllotted, pausedAt, resumedAt, supplement);
                d.finish(status, i + 1, due, null, null, null);
                documents(d, p);
                return new Case(code, plan, childStart);
            }
            boolean last = i == plan.size() - 1;
            String next = last ? "RESULT_READY" : "IN_PROCESS";
            d.step(i + 1, s, start, stepDue, end, handler, handler, Timeliness.ofStep(end, stepDue).name());
            d.event(end, handler, s.kind().equals("APPROVAL") ? "APPROVE" : "COMPLETE_STEP", status, next, i + 1, null);
            status = next;
            start = end;
        }
        Instant completed = start;
        String timeliness = Timeliness.ofDossier(completed, due).name();
        boolean soon = r.nextDouble() < Mix.COLLECTED_SOON;
        Instant handedOver = cal.addWorkingMinutes(completed, soon ? r.nextInt(3 * 480) : (5 + r.nextInt(15)) * 480L);
        if (handedOver.isAfter(now)) {
            d.finish("RESULT_READY", null, due, null, completed, timeliness);
        } else {
            d.event(handedOver, desk, "RETURN_RESULT", status, "RETURNED", null, null);
            d.returned(handedOver, child ? null : name, channel.equals("POSTAL") ? "POSTAL" : "DIRECT");
            d.finish("RETURNED", null, due, null, completed, timeliness);
        }
        documents(d, p);
        return new Case(code, plan, childStart);
    }

    /** The steps after the open one: planned, not started. */
    private static void openSteps(Rows.Dossier d, List<Step> plan, int from, WorkingCalendar cal, Instant clockStart,
                                  long allottedSoFar, Instant pausedAt, Instant resumedAt, boolean paused) {
        long cumulative = allottedSoFar;
        for (int j = from; j < plan.size(); j++) {
            cumulative += plan.get(j).minutes();
            Instant due = cal.addWorkingMinutes(clockStart, cumulative);
            if (paused) {
                due = cal.shiftForPause(due, pausedAt, resumedAt);
            }
            d.step(j + 1, plan.get(j), null, due, null, null, null, null);
        }
    }

    private static void documents(Rows.Dossier d, Procedure p) {
        if (p.documents().isEmpty()) {
            d.document(null, "Đơn đề nghị (tờ khai) theo mẫu", "ORIGINAL", 1);
            return;
        }
        int i = 1;
        for (Document doc : p.documents()) {
            d.document(i++, doc.name(), doc.form(), doc.quantity());
        }
    }
}
