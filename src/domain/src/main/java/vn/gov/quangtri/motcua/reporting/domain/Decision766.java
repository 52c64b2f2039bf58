package vn.gov.quangtri.motcua.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The Decision 766/QĐ-TTg service-quality index (docs/domain.md §5.3): its five groups, their indicators and the one
 * rule that turns a rate into points. Copied from ../shared/data/index_766.csv (kept in the project as
 * {@code reference-data/index_766.csv} of the service module; {@code Decision766CatalogueTest} checks the two agree).
 *
 * <p>Confirmed: the five groups and their maximum points (100 in total) and the three satisfaction ratios. Secondary
 * (a vendor's formula document mirroring the national portal): the formulas and full-points thresholds. Unconfirmed,
 * our own rule, kept here only: how a group's points are split among its indicators and how points scale with a rate
 * ({@link #points}).
 */
public final class Decision766 {

    private Decision766() {
    }

    /** A group of indicators; {@code maxPoints} confirmed by Decision 766. */
    public record Group(int number, String nameVi, String nameEn, int maxPoints) {
    }

    /**
     * One indicator.
     *
     * @param id                  e.g. {@code "2.1"}
     * @param group               its group's number
     * @param nameVi              Vietnamese name (index_766.csv)
     * @param nameEn              English name (our translation)
     * @param formula             formula summary (index_766.csv)
     * @param fullPointsThreshold per cent from which the indicator earns its full points, or null (points scale with
     *                            the rate up to 100 %)
     * @param confidence          the source's confidence note (confirmed / secondary)
     */
    public record Indicator(String id, int group, String nameVi, String nameEn, String formula,
                            BigDecimal fullPointsThreshold, String confidence) {

        public Indicator {
            Objects.requireNonNull(id, "id");
        }

        /** This indicator's share of its group's points ({@link #maxPoints(Indicator)}). */
        public BigDecimal maxPoints() {
            return Decision766.maxPoints(this);
        }
    }

    /** The five groups. */
    public static final List<Group> GROUPS = List.of(
        new Group(1, "Công khai, minh bạch", "Publicity and transparency", 18),
        new Group(2, "Tiến độ, kết quả giải quyết", "Progress and results", 20),
        new Group(3, "Cung cấp dịch vụ trực tuyến", "Online service provision", 22),
        new Group(4, "Số hóa hồ sơ", "Digitisation", 22),
        new Group(5, "Mức độ hài lòng", "Satisfaction", 18));

    /** The indicators of index_766.csv, in its order (there is no 3.4 in the source). */
    public static final List<Indicator> INDICATORS = List.of(
        ind("1.1", 1, "Tỷ lệ TTHC công bố đúng hạn", "Procedures published on time",
            "procedures whose publishing decision is on time (province: ≥5 working days before the legal basis takes"
                + " effect) ÷ procedures published in period", null, "secondary"),
        ind("1.2", 1, "Tỷ lệ TTHC được cập nhật, công khai đúng hạn", "Procedures updated and made public on time",
            "procedures made public on the national database within 5 working days (province) of the publishing"
                + " decision ÷ procedures to be published", null, "secondary"),
        ind("1.3", 1, "Tỷ lệ TTHC công khai đầy đủ bộ phận tạo thành", "Procedures published with all their elements",
            "procedures with name, steps, channels, components, time limit, target group, agency ÷ procedures"
                + " published", null, "secondary"),
        ind("1.4", 1, "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", "Dossiers synchronised to the national portal",
            "dossiers synchronised with intake date in period ÷ dossiers received in period (max of national reporting"
                + " system and portal counts)", null, "secondary"),
        ind("2.1", 2, "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "Dossiers handled early or on time",
            "dossiers finished or pending with (end − supplement time) ≤ appointment ÷ dossiers received/handled in"
                + " period; >1 supplement request ⇒ late", null, "secondary"),
        ind("2.2", 2, "Thời gian giải quyết TTHC trung bình", "Average handling time",
            "sum of handling time of completed dossiers ÷ number, per procedure and unit", null, "secondary"),
        ind("3.1", 3, "Tỷ lệ TTHC cung cấp DVC trực tuyến", "Procedures offered as online services",
            "procedures with partial or full online service ÷ procedures in scope", "80", "secondary"),
        ind("3.2", 3, "Tỷ lệ DVC trực tuyến có phát sinh hồ sơ", "Online services that received dossiers",
            "online services with at least one online dossier ÷ online services", null, "secondary"),
        ind("3.3", 3, "Tỷ lệ hồ sơ theo hình thức nộp", "Dossiers by submission channel",
            "online dossiers (with electronic result where paper result required) ÷ dossiers received × sync rate;"
                + " also direct and postal shares", "50", "secondary"),
        ind("3.5", 3, "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến",
            "Fee-bearing procedures payable online",
            "fee-bearing procedures with online payment data ÷ fee-bearing procedures", "80", "secondary"),
        ind("3.6", 3, "Tỷ lệ hồ sơ thanh toán trực tuyến", "Dossiers paid online",
            "dossiers paid online (portal or provincial gateway) ÷ dossiers of fee-bearing procedures (excluding"
                + " zero-fee)", null, "secondary"),
        ind("4.1", 4, "Tỷ lệ hồ sơ có cấp kết quả điện tử", "Dossiers with an electronic result",
            "dossiers with electronic result file ÷ dossiers of procedures with paper results", null, "secondary"),
        ind("4.2", 4, "Tỷ lệ hồ sơ thực hiện số hóa", "Dossiers digitised",
            "dossiers with digitised components and electronic result ÷ dossiers handled", "80", "secondary"),
        ind("4.3", 4, "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", "Re-use of digitised data",
            "dossiers with ≥1 component re-used from digitised data ÷ dossiers received", "80", "secondary"),
        ind("4.4", 4, "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ với kho dữ liệu công dân",
            "Digitised dossiers linked to the citizen's data store",
            "dossiers with component from citizen data store or result pushed to it ÷ dossiers received", null,
            "secondary"),
        ind("4.5", 4, "Ứng dụng dữ liệu dân cư", "Use of population data",
            "procedures/dossiers using population DB or VNeID-authenticated accounts ÷ procedures/dossiers for"
                + " citizens", null, "secondary"),
        ind("5.1", 5, "Tỷ lệ phản ánh, kiến nghị theo phân loại", "Feedback by category",
            "feedback classified (regulation/procedure/official conduct) ÷ feedback", null, "secondary"),
        ind("5.2", 5, "Tiến độ xử lý phản ánh, kiến nghị", "Feedback handled on time",
            "feedback handled on time (15 working days; refuse ≤2; request info ≤5; publish ≤2) ÷ feedback", null,
            "confirmed (ratio); details secondary"),
        ind("5.3", 5, "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị", "Satisfaction with feedback handling",
            "(feedback − disliked/repeated/overdue) ÷ feedback", null, "confirmed"),
        ind("5.4", 5, "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
            "Satisfaction in receiving and resolving procedures",
            "(dossiers − dossiers late or with complaint/dislike) ÷ dossiers; implemented as 100% − (late rate +"
                + " complaint/dislike rate)", "90", "confirmed (ratio); threshold secondary"));

    private static Indicator ind(String id, int group, String vi, String en, String formula, String threshold,
                                 String confidence) {
        return new Indicator(id, group, vi, en, formula, threshold == null ? null : new BigDecimal(threshold),
            confidence);
    }

    /** The indicator with this id. @throws IllegalArgumentException for an unknown id */
    public static Indicator indicator(String id) {
        return INDICATORS.stream().filter(i -> i.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown Decision 766 indicator: " + id));
    }

    /** The group with this number. @throws IllegalArgumentException for an unknown number */
    public static Group group(int number) {
        return GROUPS.stream().filter(g -> g.number() == number).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown Decision 766 group: " + number));
    }

    /**
     * An indicator's maximum points. <b>Unconfirmed, our rule</b>: Decision 766 fixes only the group maxima; the split
     * among a group's indicators was not found, so each indicator gets an equal share of its group (group 1: 18 ÷ 4 =
     * 4.5; group 2: 20 ÷ 2 = 10; groups 3 and 4: 22 ÷ 5 = 4.4; group 5: 18 ÷ 4 = 4.5).
     */
    public static BigDecimal maxPoints(Indicator indicator) {
        long n = INDICATORS.stream().filter(i -> i.group() == indicator.group()).count();
        return BigDecimal.valueOf(group(indicator.group()).maxPoints()).divide(BigDecimal.valueOf(n), 2,
            RoundingMode.HALF_UP);
    }

    /**
     * Points earned for a score between 0 and 1. <b>Unconfirmed, our rule</b> (docs/domain.md §5.3): linear in the
     * score; with a full-points threshold t (per cent) the score counts as {@code min(1, score × 100 / t)}, e.g. 3.3 with
     * a 33.33 % online share earns 4.4 × 33.33 ÷ 50 = 2.93. Rounded to two decimals, half up.
     *
     * @param score the indicator's rate as a fraction (0–1); values outside are clamped
     */
    public static BigDecimal points(Indicator indicator, double score) {
        double s = Math.max(0, Math.min(1, score));
        if (indicator.fullPointsThreshold() != null) {
            s = Math.min(1, s * 100 / indicator.fullPointsThreshold().doubleValue());
        }
        return maxPoints(indicator).multiply(BigDecimal.valueOf(s)).setScale(2, RoundingMode.HALF_UP);
    }
}
