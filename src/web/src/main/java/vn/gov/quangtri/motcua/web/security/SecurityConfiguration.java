package vn.gov.quangtri.motcua.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Where accounts come from: the standard Jakarta Security database identity store on the application's
 * data source ({@code jdbc/motcua}), reading the {@code user_account} and {@code user_account_role}
 * tables (Flyway V5) and verifying PBKDF2 hashes. Disabled accounts cannot sign in. The roles are
 * {@link vn.gov.quangtri.motcua.account.domain.Role}; the services resolve them again from the database
 * on every call, so a change of roles takes effect at once.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "jdbc/motcua",
    callerQuery = "SELECT password_hash FROM user_account WHERE username = ? AND active = TRUE",
    groupsQuery = "SELECT r.role FROM user_account_role r JOIN user_account a ON a.id = r.account_id"
        + " WHERE a.username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({"DESK_OFFICER", "SPECIALIST", "LEADER", "AGENCY_ADMIN", "SYSTEM_ADMIN"})
public class SecurityConfiguration {
}
