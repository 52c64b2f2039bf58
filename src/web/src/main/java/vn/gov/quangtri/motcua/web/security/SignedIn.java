package vn.gov.quangtri.motcua.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in user kept in the HTTP session after a form sign-in.
 *
 * @param username account user name
 * @param groups   roles read by the identity store at sign-in
 * @param stamp    the account's security stamp at sign-in; the session ends when the account's stamp moves on
 *                 (lock, new roles or unit; see {@code SessionStamps})
 */
public record SignedIn(String username, Set<String> groups, long stamp) implements Serializable {

    /** Session attribute holding the record. */
    public static final String ATTRIBUTE = "motcua.signedIn";
}
