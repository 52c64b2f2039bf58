package vn.gov.quangtri.motcua.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.dossier.domain.Channel;

/**
 * The Decision 766/QĐ-TTg indicators our data supports (docs/domain.md §5.3), computed for one unit (or the caller's
 * units) and one period, with the points they earn ({@link Decision766#points}) and the dossiers that cost points.
 * Pure computation; days are Vietnam days (Asia/Ho_Chi_Minh) through {@link ReportPeriod}, working time through the
 * {@link WorkingCalendar}. Dossiers created at co-operating agencies by an inter-agency transfer are left out (the
 * citizen's dossier counts once, as in the province view of the period report).
 *
 * <ul>
 *   <li><b>1.4</b> sync rate: the dossiers received (accepted) in the period that are synchronised with the national
 *   portal ÷ the dossiers received in the period (index_766.csv: "dossiers synchronised with intake date in period ÷
 *   dossiers received in period"). Synchronised = the portal outbox holds messages for it, none waiting or refused,
 *   and the last one (the dossier as it stands) accepted ({@link
 *   vn.gov.quangtri.motcua.portal.domain.PortalMessage#synchronised}); judged when the report is computed. The
 *   "max of the national reporting system and portal counts" of the source is not available to us: the
 *   denominator is our own count. Without outbox facts (the caller passes none) it is {@link Status#NO_DATA}.</li>
 *   <li><b>2.1</b> on-time share: the dossiers handled in the period (resolved in it or still in progress at its end,
 *   the same classification as {@link PeriodReport#classify}; stopped, withdrawn and refused dossiers do not count).
 *   A dossier is on time when its end (completion, or the end of the period / now while pending, the start of a
 *   pause while paused) minus the supplement time is not after the appointment. The stored appointment already is
 *   "appointment + supplement time" (the clock moves it by the paused working time, {@link
 *   WorkingCalendar#shiftForPause}), so this is the early / on-time class of the period report. More than one
 *   supplement request makes it late; an apology never moves the appointment, so late stays late.</li>
 *   <li><b>2.2</b> average handling time in <b>working days</b> (480 working minutes of the office hours) of the
 *   dossiers resolved in the period with a decision: working time from the clock start to the completion minus the
 *   working time of the supplement periods. Working days because statutory limits are working days (docs/domain.md
 *   §3.1), so the figure compares with them. Score = min(1, Σ allowed ÷ Σ net) where allowed = working time from the
 *   clock start to the appointment minus the supplement time (the statutory limit); a dossier whose net time exceeds
 *   its allowed time costs points. This score is our rule (unconfirmed).</li>
 *   <li><b>3.3</b> online share of the dossiers received (accepted) in the period; direct and postal shares beside it.
 *   Not weighted by the sync rate and without the electronic-result condition (neither is recorded).</li>
 *   <li><b>4.1</b> share of the dossiers resolved in the period, among those whose procedure issues its result
 *   electronically, that have an electronic result attached (a file of purpose RESULT, not withdrawn); <b>4.2</b> the
 *   share of the same dossiers with both a digitised component (a desk scan or a file marked digitised) and the
 *   electronic result. Our reading of the formulas [secondary]: "dossiers of procedures with paper results" and
 *   "dossiers handled" are taken as the resolved dossiers of procedures that issue an electronic result (a dossier
 *   that cannot have one is not blamed). {@link Status#NO_DATA} while no such dossier has any file.</li>
 *   <li><b>4.3</b> share of the dossiers received in the period with at least one component taken from digitised
 *   data (a file whose source is the citizen's data store or a national database, or marked re-used), and <b>4.4</b>
 *   the share with a component from the citizen's data store (the push of results to the store is not recorded).
 *   Withdrawn files do not count. While no received dossier of the period has any file, both are {@link
 *   Status#NO_DATA} (the unit does not attach files yet), never 0 %.</li>
 *   <li><b>5.4</b> 100 % − (late rate + complaint/dislike rate) over the dossiers of 2.1 <b>that their citizen rated</b>:
 *   late as in 2.1, disliked = the rating answered "Không hài lòng" to a criterion; the dislike rate counts the
 *   disliked dossiers not already late, so a dossier that is both costs once. No rated dossier: {@link
 *   Status#NO_DATA} (never 100 % from unrated dossiers); unrated dossiers cost 5.4 nothing.</li>
 * </ul>
 * Every other indicator is {@link Status#NO_DATA} with the reason; so is an indicator without any dossier to count.
 *
 * @param period     the period
 * @param results    every indicator of {@link Decision766#INDICATORS}, in its order
 * @param groups     the five groups with their points
 * @param points     points earned in total (indicators with data)
 * @param maxPoints  100
 * @param maxPointsWithData the maximum of the indicators with data (what {@code points} is out of)
 * @param costs      per indicator id with data, the dossiers that cost points
 */
public record Indicators766(ReportPeriod period, List<Result> results, List<GroupResult> groups, BigDecimal points,
                           BigDecimal maxPoints, BigDecimal maxPointsWithData, Map<String, List<Cost>> costs) {

    /** Minutes of a working day for 2.2 (the standard office hours, 08:00–12:00 and 13:00–17:00). */
    public static final long MINUTES_PER_DAY = 480;

    /** Whether an indicator could be computed. */
    public enum Status { DATA, NO_DATA }

    /** Why a dossier costs points. */
    public enum CostReason {
        /** Resolved after the appointment. */
        LATE("Giải quyết quá hạn", "Resolved after the appointment"),
        /** Still in progress with the appointment passed. */
        OVERDUE("Đang giải quyết, đã quá hạn", "In progress, past the appointment"),
        /** More than one supplement request (Decision 766: counted late). */
        MULTIPLE_SUPPLEMENTS("Yêu cầu bổ sung hồ sơ nhiều hơn một lần", "More than one supplement request"),
        /** Net handling time above the statutory limit. */
        OVER_TIME_LIMIT("Thời gian giải quyết vượt thời hạn quy định", "Handling time above the time limit"),
        /** Submitted at the counter. */
        DIRECT("Nộp trực tiếp, không trực tuyến", "Submitted at the counter, not online"),
        /** Submitted by post. */
        POSTAL("Nộp qua bưu chính, không trực tuyến", "Submitted by post, not online"),
        /** The citizen answered "not satisfied". */
        DISLIKED("Công dân đánh giá Không hài lòng", "The citizen rated it not satisfied"),
        /** No component was taken from digitised data. */
        NOT_REUSED("Không có thành phần nào được khai thác lại từ dữ liệu đã số hóa",
            "No component was taken from digitised data"),
        /** No component was taken from the citizen's data store. */
        NOT_FROM_DATA_STORE("Không có thành phần nào lấy từ kho dữ liệu của công dân",
            "No component was taken from the citizen's data store"),
        /** No electronic result is attached although the procedure issues one. */
        NO_ELECTRONIC_RESULT("Chưa đính kèm kết quả điện tử", "No electronic result is attached"),
        /** Not (yet) fully synchronised with the national portal. */
        NOT_SYNCHRONISED("Chưa đồng bộ đầy đủ lên Cổng Dịch vụ công quốc gia",
            "Not fully synchronised with the national public service portal"),
        /** No component was digitised (scanned or marked digitised). */
        NOT_DIGITISED("Không có thành phần nào được số hóa", "No component was digitised");

        private final String vi;
        private final String en;

        CostReason(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        /** Vietnamese text. */
        public String vi() {
            return vi;
        }

        /** English text. */
        public String en() {
            return en;
        }
    }

    /**
     * One indicator's outcome.
     *
     * @param value       per cent (2 decimals) or, for 2.2, working days (2 decimals); null without data
     * @param unit        {@code "%"} or {@code "working days"}
     * @param numerator   dossiers counted in the value (2.2: the net working days summed), null without data
     * @param denominator dossiers the value is over, null without data
     * @param points      points earned, null without data
     * @param reasonVi    why there is no data (Vietnamese), null with data
     * @param reasonEn    the same in English
     * @param shares      extra shares in per cent (3.3: online, direct, postal), else empty
     */
    public record Result(Decision766.Indicator indicator, Status status, BigDecimal value, String unit,
                         BigDecimal numerator, Long denominator, BigDecimal points, String reasonVi, String reasonEn,
                         Map<String, BigDecimal> shares) {

        /** The indicator's maximum points. */
        public BigDecimal maxPoints() {
            return indicator.maxPoints();
        }

        /**
         * Decimals shown for the value: 1 for a percentage (as the period report's rates, {@link
         * PeriodFigures#vietnamese(BigDecimal)}), 2 for 2.2's working days.
         */
        public int decimals() {
            return "%".equals(unit) ? 1 : 2;
        }

        /**
         * The value the Vietnamese way with {@link #decimals()} ("66,7", "3,36"); a percentage is rounded from
         * numerator ÷ denominator, not from the two-decimal value. Empty without data.
         */
        public String valueVi() {
            if (status != Status.DATA || value == null) {
                return "";
            }
            if ("%".equals(unit) && numerator != null && denominator != null && denominator > 0) {
                return PeriodFigures.vietnamese(numerator.multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP), 1);
            }
            return PeriodFigures.vietnamese(value, decimals());
        }

        /** The numerator the Vietnamese way: a count for a percentage ("4"), working days for 2.2 ("16,81"). */
        public String numeratorVi() {
            if (numerator == null) {
                return "";
            }
            return PeriodFigures.vietnamese(numerator, "%".equals(unit) ? 0 : 2);
        }

        /** Points earned and the maximum the Vietnamese way: "6,67 / 10", "2,51 / 4,4"; "— / 4,5" without data. */
        public String pointsVi() {
            return (points == null ? "—" : PeriodFigures.vietnamese(points, 2)) + " / " + maximumVi(maxPoints());
        }
    }

    /** A maximum of points the Vietnamese way, without trailing zeros: 10 → "10", 4.40 → "4,4", 28.90 → "28,9". */
    public static String maximumVi(BigDecimal max) {
        BigDecimal m = max.stripTrailingZeros();
        return PeriodFigures.vietnamese(m, Math.max(0, m.scale()));
    }

    /** A group's points: earned, its maximum (Decision 766) and the maximum of its indicators with data. */
    public record GroupResult(Decision766.Group group, BigDecimal points, BigDecimal maxPointsWithData,
                              List<Result> results) {
    }

    /** A dossier that cost an indicator points, with the reasons (at least one) and a detail (e.g. the net time). */
    public record Cost(String indicatorId, String code, String agencyCode, String agencyName, String procedureCode,
                       String procedureName, List<CostReason> reasons, String detail) {
    }

    private static final Map<String, String[]> NO_DATA_REASONS = noDataReasons();

    private static Map<String, String[]> noDataReasons() {
        Map<String, String[]> m = new LinkedHashMap<>();
        String[] publication = {"Hệ thống chưa ghi nhận ngày quyết định công bố và ngày công khai thủ tục hành chính",
            "The system does not record when procedures were decided on and made public"};
        m.put("1.1", publication);
        m.put("1.2", publication);
        m.put("1.3", new String[] {"Hệ thống chưa ghi nhận các bộ phận tạo thành được công khai của thủ tục",
            "The system does not record which elements of a procedure were made public"});
        m.put("1.4", new String[] {"Hồ sơ chưa có trạng thái đồng bộ lên Cổng Dịch vụ công quốc gia",
            "Dossiers carry no synchronisation status with the national public service portal"});
        String[] online = {"Danh mục thủ tục chưa ghi nhận mức độ cung cấp dịch vụ công trực tuyến",
            "The procedure catalogue does not record which procedures are offered online"};
        m.put("3.1", online);
        m.put("3.2", online);
        String[] payment = {"Hệ thống chưa ghi nhận thanh toán trực tuyến", "Online payments are not recorded"};
        m.put("3.5", payment);
        m.put("3.6", payment);
        m.put("4.5", new String[] {"Chưa ghi nhận xác thực VNeID hoặc khai thác Cơ sở dữ liệu quốc gia về dân cư",
            "Neither VNeID authentication nor use of the population database is recorded"});
        String[] feedback = {"Hệ thống chưa quản lý phản ánh, kiến nghị",
            "The system does not handle feedback and petitions"};
        m.put("5.1", feedback);
        m.put("5.2", feedback);
        m.put("5.3", feedback);
        return m;
    }

    /** The ids of the indicators computed from our data. */
    public static final Set<String> COMPUTED = Set.of("1.4", "2.1", "2.2", "3.3", "4.1", "4.2", "4.3", "4.4", "5.4");

    public Indicators766 {
        results = List.copyOf(results);
        groups = List.copyOf(groups);
        costs = Map.copyOf(costs);
    }

    /** The outcome of one indicator. @throws IllegalArgumentException for an unknown id */
    public Result result(String id) {
        return results.stream().filter(r -> r.indicator().id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown Decision 766 indicator: " + id));
    }

    /**
     * Computes the indicators.
     *
     * @param period   Vietnam-local days
     * @param dossiers facts of (at least) every dossier that can count; others are ignored
     * @param now      the present: pending dossiers of a period not yet over are judged against now
     * @param calendar the working calendar (2.2)
     */
    public static Indicators766 compute(ReportPeriod period, Collection<IndicatorDossier> dossiers, Instant now,
                                        WorkingCalendar calendar) {
        return compute(period, dossiers, now, calendar, null);
    }

    /**
     * Computes the indicators, 1.4 included.
     *
     * @param synchronised codes of the dossiers synchronised with the national portal (at least those received in the
     *                     period), or null when not known (1.4 is then {@link Status#NO_DATA})
     * @see #compute(ReportPeriod, Collection, Instant, WorkingCalendar)
     */
    public static Indicators766 compute(ReportPeriod period, Collection<IndicatorDossier> dossiers, Instant now,
                                        WorkingCalendar calendar, Set<String> synchronised) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(calendar, "calendar");
        List<IndicatorDossier> handled = new ArrayList<>();
        List<IndicatorDossier> resolved = new ArrayList<>();
        List<IndicatorDossier> received = new ArrayList<>();
        Map<String, List<CostReason>> lateness = new LinkedHashMap<>();
        for (IndicatorDossier d : dossiers) {
            if (d.child()) {
                continue;
            }
            Set<PeriodBucket> b = PeriodReport.classify(d.facts(), period, now);
            if (b.contains(PeriodBucket.RECEIVED_ONLINE) || b.contains(PeriodBucket.RECEIVED_DIRECT)
                || b.contains(PeriodBucket.RECEIVED_POSTAL)) {
                received.add(d);
            }
            boolean done = b.contains(PeriodBucket.RESOLVED_EARLY) || b.contains(PeriodBucket.RESOLVED_ON_TIME)
                || b.contains(PeriodBucket.RESOLVED_LATE);
            if (done || b.contains(PeriodBucket.IN_PROGRESS_NOT_DUE) || b.contains(PeriodBucket.IN_PROGRESS_OVERDUE)) {
                handled.add(d);
                List<CostReason> why = new ArrayList<>();
                if (b.contains(PeriodBucket.RESOLVED_LATE)) {
                    why.add(CostReason.LATE);
                } else if (b.contains(PeriodBucket.IN_PROGRESS_OVERDUE)) {
                    why.add(CostReason.OVERDUE);
                }
                if (d.supplementRequests() > 1) {
                    why.add(CostReason.MULTIPLE_SUPPLEMENTS);
                }
                if (!why.isEmpty()) {
                    lateness.put(d.code(), why);
                }
            }
            if (done && d.clockStartedAt() != null && d.completedAt() != null && d.dueAt() != null) {
                resolved.add(d);
            }
        }
        List<Result> results = new ArrayList<>();
        Map<String, List<Cost>> costs = new LinkedHashMap<>();
        for (Decision766.Indicator i : Decision766.INDICATORS) {
            Result r = switch (i.id()) {
                case "1.4" -> synchronised == null ? noData(i, NO_DATA_REASONS.get(i.id()))
                    : syncRate(i, received, synchronised, costs);
                case "2.1" -> onTime(i, handled, lateness, costs);
                case "2.2" -> handlingTime(i, resolved, calendar, costs);
                case "3.3" -> channels(i, received, costs);
                case "4.1" -> fileShare(i, electronic(resolved), IndicatorDossier.Files::electronicResult,
                    List.of(CostReason.NO_ELECTRONIC_RESULT), costs);
                case "4.2" -> fileShare(i, electronic(resolved), f -> f.digitised() && f.electronicResult(),
                    List.of(CostReason.NOT_DIGITISED, CostReason.NO_ELECTRONIC_RESULT), costs);
                case "4.3" -> fileShare(i, received, IndicatorDossier.Files::reused, CostReason.NOT_REUSED, costs);
                case "4.4" -> fileShare(i, received, IndicatorDossier.Files::fromDataStore,
                    CostReason.NOT_FROM_DATA_STORE, costs);
                case "5.4" -> satisfaction(i, handled, lateness, costs);
                default -> noData(i, NO_DATA_REASONS.get(i.id()));
            };
            results.add(r);
        }
        List<GroupResult> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal maxWithData = BigDecimal.ZERO;
        for (Decision766.Group g : Decision766.GROUPS) {
            List<Result> mine = results.stream().filter(r -> r.indicator().group() == g.number()).toList();
            BigDecimal earned = mine.stream().filter(r -> r.status() == Status.DATA).map(Result::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal max = mine.stream().filter(r -> r.status() == Status.DATA).map(Result::maxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            groups.add(new GroupResult(g, earned, max, mine));
            total = total.add(earned);
            maxWithData = maxWithData.add(max);
        }
        return new Indicators766(period, results, groups, total, BigDecimal.valueOf(100), maxWithData, costs);
    }

    private static Result noData(Decision766.Indicator i, String[] reason) {
        return new Result(i, Status.NO_DATA, null, null, null, null, null, reason[0], reason[1], Map.of());
    }

    private static final String[] NO_DOSSIERS = {"Không có hồ sơ để tính trong kỳ", "No dossiers to count in the period"};

    private static Result onTime(Decision766.Indicator i, List<IndicatorDossier> handled,
                                 Map<String, List<CostReason>> lateness, Map<String, List<Cost>> costs) {
        if (handled.isEmpty()) {
            return noData(i, NO_DOSSIERS);
        }
        List<Cost> lost = new ArrayList<>();
        for (IndicatorDossier d : handled) {
            List<CostReason> why = lateness.get(d.code());
            if (why != null) {
                lost.add(cost(i, d, why, d.supplementRequests() > 1
                    ? d.supplementRequests() + " lần yêu cầu bổ sung / supplement requests" : null));
            }
        }
        costs.put(i.id(), lost);
        long onTime = handled.size() - lost.size();
        return rate(i, onTime, handled.size(), Map.of());
    }

    /** 1.4: the received dossiers synchronised with the portal. */
    private static Result syncRate(Decision766.Indicator i, List<IndicatorDossier> received, Set<String> synchronised,
                                   Map<String, List<Cost>> costs) {
        if (received.isEmpty()) {
            return noData(i, NO_DOSSIERS);
        }
        List<Cost> lost = new ArrayList<>();
        for (IndicatorDossier d : received) {
            if (!synchronised.contains(d.code())) {
                lost.add(cost(i, d, List.of(CostReason.NOT_SYNCHRONISED), null));
            }
        }
        costs.put(i.id(), lost);
        return rate(i, received.size() - lost.size(), received.size(), Map.of());
    }

    private static Result handlingTime(Decision766.Indicator i, List<IndicatorDossier> resolved, WorkingCalendar calendar,
                                       Map<String, List<Cost>> costs) {
        if (resolved.isEmpty()) {
            return noData(i, NO_DOSSIERS);
        }
        long net = 0;
        long allowed = 0;
        List<Cost> lost = new ArrayList<>();
        for (IndicatorDossier d : resolved) {
            long supplement = supplementMinutes(d, d.completedAt(), calendar);
            long mine = Math.max(0, calendar.workingMinutesBetween(d.clockStartedAt(), d.completedAt()) - supplement);
            long limit = Math.max(0, calendar.workingMinutesBetween(d.clockStartedAt(), d.dueAt()) - supplement);
            net += mine;
            allowed += limit;
            if (mine > limit) {
                lost.add(cost(i, d, List.of(CostReason.OVER_TIME_LIMIT), days(mine) + " / " + days(limit)
                    + " ngày làm việc / working days"));
            }
        }
        costs.put(i.id(), lost);
        double score = net == 0 ? 1 : Math.min(1, (double) allowed / net);
        BigDecimal average = BigDecimal.valueOf(net).divide(BigDecimal.valueOf(MINUTES_PER_DAY * resolved.size()), 2,
            RoundingMode.HALF_UP);
        return new Result(i, Status.DATA, average, "working days", days(net), (long) resolved.size(),
            Decision766.points(i, score), null, null, Map.of());
    }

    /** Working minutes of the supplement periods up to {@code until} (an open one runs to it). */
    static long supplementMinutes(IndicatorDossier d, Instant until, WorkingCalendar calendar) {
        long sum = 0;
        for (IndicatorDossier.Supplement s : d.supplements()) {
            Instant end = s.deliveredAt() == null || s.deliveredAt().isAfter(until) ? until : s.deliveredAt();
            if (s.requestedAt().isBefore(end)) {
                sum += calendar.workingMinutesBetween(s.requestedAt(), end);
            }
        }
        return sum;
    }

    private static BigDecimal days(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(MINUTES_PER_DAY), 2, RoundingMode.HALF_UP);
    }

    private static Result channels(Decision766.Indicator i, List<IndicatorDossier> received,
                                   Map<String, List<Cost>> costs) {
        if (received.isEmpty()) {
            return noData(i, NO_DOSSIERS);
        }
        long online = 0;
        long direct = 0;
        long postal = 0;
        List<Cost> lost = new ArrayList<>();
        for (IndicatorDossier d : received) {
            if (d.channel() == Channel.ONLINE) {
                online++;
            } else if (d.channel() == Channel.DIRECT) {
                direct++;
                lost.add(cost(i, d, List.of(CostReason.DIRECT), null));
            } else {
                postal++;
                lost.add(cost(i, d, List.of(CostReason.POSTAL), null));
            }
        }
        costs.put(i.id(), lost);
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put("online", percent(online, received.size()));
        shares.put("direct", percent(direct, received.size()));
        shares.put("postal", percent(postal, received.size()));
        return rate(i, online, received.size(), shares);
    }

    private static final String[] NO_FILES = {"Không có hồ sơ nào tiếp nhận trong kỳ có tệp đính kèm",
        "No dossier received in the period has an attached file"};

    private static final String[] NO_FILES_RESOLVED = {"Không có hồ sơ nào giải quyết trong kỳ có tệp đính kèm",
        "No dossier resolved in the period has an attached file"};

    /** The resolved dossiers whose procedure issues its result electronically (4.1, 4.2). */
    private static List<IndicatorDossier> electronic(List<IndicatorDossier> resolved) {
        return resolved.stream().filter(IndicatorDossier::issuesElectronicResult).toList();
    }

    /** 4.2's cost reasons: what the dossier lacks of "a digitised component and an electronic result". */
    private static List<CostReason> lacking(IndicatorDossier.Files f) {
        List<CostReason> why = new ArrayList<>();
        if (!f.digitised()) {
            why.add(CostReason.NOT_DIGITISED);
        }
        if (!f.electronicResult()) {
            why.add(CostReason.NO_ELECTRONIC_RESULT);
        }
        return why;
    }

    private static Result fileShare(Decision766.Indicator i, List<IndicatorDossier> counted,
                                    java.util.function.Predicate<IndicatorDossier.Files> fact, List<CostReason> missing,
                                    Map<String, List<Cost>> costs) {
        return fileShare(i, counted, fact, missing.size() == 1 ? f -> missing : Indicators766::lacking, costs);
    }

    /**
     * 4.3 and 4.4: the share of the dossiers received in the period whose files show the fact. Only once the unit
     * attaches files at all (at least one received dossier has one) do the figures mean something; before that the
     * indicator is {@link Status#NO_DATA}, never 0 %.
     */
    private static Result fileShare(Decision766.Indicator i, List<IndicatorDossier> received,
                                    java.util.function.Predicate<IndicatorDossier.Files> fact, CostReason missing,
                                    Map<String, List<Cost>> costs) {
        return fileShare(i, received, fact, f -> List.of(missing), costs);
    }

    private static Result fileShare(Decision766.Indicator i, List<IndicatorDossier> received,
                                    java.util.function.Predicate<IndicatorDossier.Files> fact,
                                    java.util.function.Function<IndicatorDossier.Files, List<CostReason>> why,
                                    Map<String, List<Cost>> costs) {
        if (received.isEmpty()) {
            return noData(i, NO_DOSSIERS);
        }
        if (received.stream().noneMatch(d -> d.files().any())) {
            return noData(i, i.id().equals("4.1") || i.id().equals("4.2") ? NO_FILES_RESOLVED : NO_FILES);
        }
        long yes = 0;
        List<Cost> lost = new ArrayList<>();
        for (IndicatorDossier d : received) {
            if (fact.test(d.files())) {
                yes++;
            } else {
                lost.add(cost(i, d, why.apply(d.files()), null));
            }
        }
        costs.put(i.id(), lost);
        return rate(i, yes, received.size(), Map.of());
    }

    private static final String[] NO_RATINGS = {"Không có hồ sơ được công dân đánh giá trong kỳ",
        "No dossier of the period was rated by its citizen"};

    private static Result satisfaction(Decision766.Indicator i, List<IndicatorDossier> handled,
                                       Map<String, List<CostReason>> lateness, Map<String, List<Cost>> costs) {
        List<IndicatorDossier> rated = handled.stream().filter(IndicatorDossier::rated).toList();
        if (rated.isEmpty()) {
            return noData(i, handled.isEmpty() ? NO_DOSSIERS : NO_RATINGS);
        }
        List<Cost> lost = new ArrayList<>();
        long late = 0;
        long dislikedOnly = 0;
        for (IndicatorDossier d : rated) {
            List<CostReason> why = new ArrayList<>(lateness.getOrDefault(d.code(), List.of()));
            if (!why.isEmpty()) {
                late++;
            } else if (d.disliked()) {
                dislikedOnly++;
            }
            if (d.disliked()) {
                why.add(CostReason.DISLIKED);
            }
            if (!why.isEmpty()) {
                lost.add(cost(i, d, why, null));
            }
        }
        costs.put(i.id(), lost);
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put("lateRate", percent(late, rated.size()));
        shares.put("dislikeRate", percent(dislikedOnly, rated.size()));
        return rate(i, rated.size() - late - dislikedOnly, rated.size(), shares);
    }

    private static Result rate(Decision766.Indicator i, long numerator, long denominator, Map<String, BigDecimal> shares) {
        return new Result(i, Status.DATA, percent(numerator, denominator), "%", BigDecimal.valueOf(numerator),
            denominator, Decision766.points(i, (double) numerator / denominator), null, null, shares);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static Cost cost(Decision766.Indicator i, IndicatorDossier d, List<CostReason> why, String detail) {
        return new Cost(i.id(), d.code(), d.agencyCode(), d.agencyName(), d.procedureCode(), d.procedureName(),
            List.copyOf(why), detail);
    }
}
