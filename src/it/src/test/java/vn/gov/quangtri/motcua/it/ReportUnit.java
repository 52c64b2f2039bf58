package vn.gov.quangtri.motcua.it;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import vn.gov.quangtri.motcua.it.TestAccounts.Account;

/**
 * The set-up shared by the report ITs ({@link PeriodReportIT}, {@link Indicators766IT}): a unit that no other test uses,
 * its four test accounts (desk officer, specialist, leader, and a deputy leader who approves the leader's backdated
 * actions), its {@link BackdatedDossiers}, and the scenario's dossiers created once per server and unit.
 *
 * @param code    the unit's code
 * @param address an address in the unit (the applicants')
 */
record ReportUnit(String code, String address, Account desk, Account specialist, Account leader, Account deputy) {

    /** Codes of the scenario per server root and unit. */
    private static final Map<String, Map<String, String>> DONE = new ConcurrentHashMap<>();

    /**
     * A unit with accounts {@code tiepnhan.<slug>}, {@code chuyenvien.<slug>}, {@code lanhdao.<slug>} and
     * {@code phochutich.<slug>} (test password), named by {@code names} in that order.
     */
    static ReportUnit of(String code, String slug, String address, String... names) {
        return new ReportUnit(code, address, account("tiepnhan." + slug, names[0], code, "DESK_OFFICER"),
            account("chuyenvien." + slug, names[1], code, "SPECIALIST"),
            account("lanhdao." + slug, names[2], code, "LEADER"),
            account("phochutich." + slug, names[3], code, "LEADER"));
    }

    private static Account account(String username, String name, String code, String role) {
        return new Account(username, name, code, List.of(role), TestAccounts.TEST_PASSWORD, false);
    }

    /** Receives and moves this unit's dossiers with dated (backdated) actions on the server of {@code url}. */
    BackdatedDossiers dossiers(URL url) {
        return new BackdatedDossiers(url, code, address, desk, specialist, leader, deputy);
    }

    /**
     * The scenario's dossier codes by name, created by {@code scenario} the first time it is asked for on this server
     * (the tests of a class share them; the data stays on the server).
     */
    Map<String, String> once(URL url, Function<BackdatedDossiers, Map<String, String>> scenario) {
        return DONE.computeIfAbsent(TestServer.serverRoot(url) + " " + code, k -> scenario.apply(dossiers(url)));
    }
}
