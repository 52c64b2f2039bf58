package vn.gov.quangtri.motcua.bench.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The proportions of the generated province (figures chosen to resemble the published statistics of provincial
 * one-stop systems: land dossiers are the most numerous and the latest; see docs/performance.md).
 */
final class Mix {

    private Mix() {
    }

    /** The generic process the application plans for a procedure without its own (ProcessPlanner): name, role, kind, %. */
    static final Object[][] GENERIC = {
        {"Tiếp nhận, chuyển hồ sơ đến cơ quan giải quyết", "ONE_STOP_OFFICER", "WORK", 5},
        {"Thẩm định hồ sơ", "SPECIALIST", "WORK", 60},
        {"Phê duyệt, ký kết quả", "LEADER", "APPROVAL", 20},
        {"Phát hành, chuyển kết quả về Bộ phận Một cửa", "CLERK", "WORK", 15},
    };

    static final double ONLINE = 0.36;
    static final double POSTAL = 0.04;
    static final double ORGANISATION = 0.10;
    static final double SUPPLEMENT = 0.08;
    static final double STOPPED = 0.006;
    static final double REFUSED = 0.005;
    /** Share of results collected within three working days (the rest wait longer; some are still waiting). */
    static final double COLLECTED_SOON = 0.9;

    /** How much a field is asked for, relative to an ordinary one. */
    static double fieldWeight(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        if (f.contains("đất đai")) {
            return 30;
        }
        if (f.contains("hộ tịch")) {
            return 25;
        }
        if (f.contains("chứng thực")) {
            return 20;
        }
        if (f.contains("xây dựng") || f.contains("quy hoạch") || f.contains("đăng ký kinh doanh")
                || f.contains("thành lập và hoạt động")) {
            return 8;
        }
        if (f.contains("bảo trợ") || f.contains("người có công") || f.contains("chính sách")) {
            return 4;
        }
        return 1;
    }

    /** Share of a field's dossiers that end late: land worst. */
    static double lateRate(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        if (f.contains("đất đai")) {
            return 0.12;
        }
        if (f.contains("xây dựng") || f.contains("quy hoạch")) {
            return 0.07;
        }
        return 0.025;
    }

    /** A procedure's own popularity within its field: log-normal, a few are asked for far more than the rest. */
    static double popularity(SplittableRandom random) {
        return Math.exp(gaussian(random) * 1.3);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng",
        "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đoàn"};
    private static final String[] MIDDLE_MEN = {"Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân"};
    private static final String[] MIDDLE_WOMEN = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng"};
    private static final String[] GIVEN_MEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Long",
        "Minh", "Nam", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Tuấn", "Việt", "Vinh"};
    private static final String[] GIVEN_WOMEN = {"Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh",
        "Mai", "Ngọc", "Nhung", "Phương", "Quỳnh", "Thảo", "Trang", "Vân", "Yến", "Hằng", "Thủy"};
    private static final String[] BUSINESS = {"Thương mại", "Xây dựng", "Nông sản", "Du lịch", "Vận tải", "Thủy sản",
        "Cà phê", "Gỗ", "Điện máy", "Dịch vụ"};
    private static final String[] PLACE = {"Quảng Trị", "Đông Hà", "Vĩnh Linh", "Cửa Tùng", "Cửa Việt", "Khe Sanh",
        "Hướng Hóa", "Triệu Phong", "Hải Lăng", "Gio Linh", "Cam Lộ"};

    private static String of(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** A person's name ({@code woman} chooses the middle and given names). */
    static String personName(SplittableRandom r, boolean woman) {
        return of(r, FAMILY) + " " + (woman ? of(r, MIDDLE_WOMEN) : of(r, MIDDLE_MEN)) + " "
            + (woman ? of(r, GIVEN_WOMEN) : of(r, GIVEN_MEN));
    }

    /** An organisation's name. */
    static String businessName(SplittableRandom r) {
        return "Công ty TNHH " + of(r, BUSINESS) + " " + of(r, PLACE);
    }

    /** A 12-digit citizen ID of Quảng Trị (province prefix 045), gender and century digit, birth year, serial. */
    static String citizenId(SplittableRandom r, boolean woman) {
        int year = 1950 + r.nextInt(56);
        int centuryGender = (year >= 2000 ? 2 : 0) + (woman ? 1 : 0);
        return String.format(Locale.ROOT, "045%d%02d%06d", centuryGender, year % 100, r.nextInt(1_000_000));
    }

    /** A tax code of an organisation (10 digits, Quảng Trị's 32 prefix). */
    static String taxCode(SplittableRandom r) {
        return String.format(Locale.ROOT, "32%08d", r.nextInt(100_000_000));
    }

    static String phone(SplittableRandom r) {
        return String.format(Locale.ROOT, "09%08d", r.nextInt(100_000_000));
    }

    static String address(SplittableRandom r) {
        return "Thôn " + (1 + r.nextInt(12)) + ", " + of(r, PLACE) + ", tỉnh Quảng Trị";
    }
}
