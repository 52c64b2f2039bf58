package vn.gov.quangtri.motcua.account.application;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.gov.quangtri.motcua.account.domain.AccessScope;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;

/**
 * Resolves the caller of a service into an {@link AccessScope}: the signed-in account (propagated by the
 * container from the web request or the REST call), its roles and the units it may see (its own unit,
 * every sub-unit, and units it succeeded in a reorganisation, recursively). Callers without a principal
 * get {@link AccessScope#NONE} unless they run inside {@link SystemTask#run}.
 *
 * <p>The scope of an account is remembered in {@link ScopeCache} (per server) and built again when the account's
 * security stamp moves on (roles, unit, lock) or an agency changes (issue 12: the unit tree was rebuilt on every
 * call).
 *
 * <p>This is where the "sees and acts only on dossiers of its units" rule is enforced: the dossier
 * services ask for the scope on every call, so the screens and the REST API obey the same rule.
 */
@Stateless
public class AccessControl {

    @Resource
    private SessionContext context;

    @PersistenceContext(unitName = "motcua")
    private EntityManager em;

    @jakarta.ejb.EJB
    private SessionStamps stamps;

    @jakarta.ejb.EJB
    private ScopeCache scopes;

    /** @return the caller's scope; never null */
    public AccessScope current() {
        if (SystemTask.active()) {
            return AccessScope.SYSTEM;
        }
        Principal p = context.getCallerPrincipal();
        if (p == null || p.getName() == null) {
            return AccessScope.NONE;
        }
        return scopeOf(p.getName());
    }

    /**
     * The scope of a named account: reused from {@link ScopeCache} while the account's stamp and the agency
     * tree are unchanged, otherwise read (account, then the unit tree level by level) and remembered.
     *
     * @return {@link AccessScope#NONE} for an unknown or disabled account
     */
    public AccessScope scopeOf(String username) {
        SessionStamps.Stamp stamp = stamps == null ? null : stamps.current(username);
        if (stamps != null && (stamp == null || !stamp.active())) {
            return AccessScope.NONE;
        }
        long generation = scopes == null ? 0 : scopes.generation();
        AccessScope cached = scopes == null ? null : scopes.get(username, stamp);
        if (cached != null) {
            return cached;
        }
        List<UserAccount> found = em.createNamedQuery("UserAccount.findByUsername", UserAccount.class)
            .setParameter("username", username).getResultList();
        if (found.isEmpty() || !found.get(0).active()) {
            return AccessScope.NONE;
        }
        UserAccount account = found.get(0);
        boolean everywhere = account.hasRole(Role.SYSTEM_ADMIN);
        // A kiosk device account sees no unit: its unit tree serves only to rate (kioskUnits).
        Set<String> units = everywhere || account.hasRole(Role.KIOSK) ? Set.of() : unitsUnder(account.agency().code());
        AccessScope scope = new AccessScope(account.username(), account.roles(), units, everywhere);
        if (scopes != null && account.securityStamp() == stamp.stamp()) {
            scopes.put(username, stamp, generation, scope); // read in this transaction as it stood at that stamp
        }
        return scope;
    }

    /**
     * The units whose returned dossiers the calling kiosk device account may rate: its unit, the units under it
     * and those it succeeded (issue 13 §2).
     *
     * @throws vn.gov.quangtri.motcua.shared.domain.ForbiddenException {@code ROLE_REQUIRED} unless the caller is
     *                                                                  an active kiosk account
     */
    public Set<String> kioskUnits() {
        AccessScope scope = current();
        if (!scope.kiosk()) {
            throw new vn.gov.quangtri.motcua.shared.domain.ForbiddenException("ROLE_REQUIRED",
                "Account " + scope.username() + " is not a kiosk device account");
        }
        UserAccount account = em.createNamedQuery("UserAccount.findByUsername", UserAccount.class)
            .setParameter("username", scope.username()).getSingleResult();
        return unitsUnder(account.agency().code());
    }

    /** The actor to record in history: the signed-in account, else what an in-process caller passed. */
    public String actor(String given) {
        AccessScope scope = current();
        return scope == AccessScope.SYSTEM || scope == AccessScope.NONE ? given : scope.username();
    }

    /** A unit, the units under it and those it succeeded, to any depth (e.g. the {@code agency} filter of a report). */
    public Set<String> unitTree(String root) {
        return unitsUnder(root);
    }

    /** The unit, its descendants and its predecessors (by successor link), to any depth. */
    private Set<String> unitsUnder(String root) {
        Set<String> all = new HashSet<>();
        Set<String> frontier = Set.of(root);
        all.add(root);
        while (!frontier.isEmpty()) {
            List<String> next = em.createQuery("SELECT a.code FROM Agency a WHERE a.parent.code IN :codes "
                    + "OR a.successor.code IN :codes", String.class)
                .setParameter("codes", frontier).getResultList();
            Set<String> added = new HashSet<>();
            for (String code : next) {
                if (all.add(code)) {
                    added.add(code);
                }
            }
            frontier = added;
        }
        return all;
    }
}
