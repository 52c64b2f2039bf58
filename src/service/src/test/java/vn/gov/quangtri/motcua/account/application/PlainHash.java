package vn.gov.quangtri.motcua.account.application;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** Stands in for the server's PBKDF2 in plain-Java tests: they only need a stored, checkable value. */
final class PlainHash implements Pbkdf2PasswordHash {
    @Override
    public void initialize(Map<String, String> parameters) {
    }

    @Override
    public String generate(char[] password) {
        return "plain:" + new String(password);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
        return hashedPassword.equals(generate(password));
    }
}
