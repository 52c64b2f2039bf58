package vn.gov.quangtri.motcua.api.rest.account;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.account.application.AccountService;
import vn.gov.quangtri.motcua.account.domain.Role;
import vn.gov.quangtri.motcua.account.domain.UserAccount;
import vn.gov.quangtri.motcua.api.rest.Params;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.audit.application.AdminAuditLog;
import vn.gov.quangtri.motcua.audit.domain.AdminArea;

/**
 * Back-office accounts over REST, for provisioning from another system: {@code GET /api/v1/accounts},
 * {@code POST /api/v1/accounts}, {@code GET /api/v1/accounts/{username}}, {@code PUT /api/v1/accounts/{username}}
 * (edit with a reason), {@code PUT /api/v1/accounts/{username}/active}, {@code PUT /api/v1/accounts/{username}/password},
 * {@code DELETE /api/v1/accounts/{username}} (an account never used), {@code DELETE
 * /api/v1/accounts/{username}/sign-in-lock} (lift the lock after repeated wrong passwords),
 * {@code GET /api/v1/accounts/{username}/changes} (its audit), {@code GET /api/v1/accounts/me}. Every change is
 * audited (area ACCOUNT).
 * Authentication: HTTP Basic with an administrator's account (system administrator: every unit; agency
 * administrator: its own units, never granting SYSTEM_ADMIN). Password hashes are never returned.
 */
@Path("v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Back-office accounts and roles (administrators)")
public class AccountResource {

    @EJB
    private AccountService accounts;

    @EJB
    private AdminAuditLog audit;

    /**
     * An account as shown to administrators.
     *
     * @param roles             DESK_OFFICER, SPECIALIST, LEADER, AGENCY_ADMIN, SYSTEM_ADMIN
     * @param signInLockedUntil end of the sign-in lock after repeated wrong passwords (ISO-8601 with offset,
     *                          Vietnam time), null when not locked (issue 12)
     */
    public record AccountDto(String username, String fullName, String agencyCode, String agencyName,
                             List<String> roles, boolean active, String email,
                             @Schema(description = "End of the sign-in lock after repeated wrong passwords, null when"
                                 + " not locked") String signInLockedUntil) {
    }

    /** A new password set by an administrator, with the reason. */
    public record PasswordResetDto(
        @Schema(required = true, minLength = 8, description = "at least 8 characters with letters and digits")
        String password,
        @Schema(required = true, maxLength = 4000, description = "Why (request, decision number)") String reason) {
    }

    /**
     * One administrative change of an account, newest first in lists.
     *
     * @param action e.g. ACCOUNT_CREATE, ACCOUNT_EDIT, ACCOUNT_LOCK, ACCOUNT_DELETE, ACCOUNT_FIRST_SIGN_IN,
     *               ACCOUNT_PASSWORD_RESET, ACCOUNT_SIGN_IN_LOCK,
     *               ACCOUNT_SIGN_IN_UNLOCK
     */
    public record AccountChangeDto(String occurredAt, String actor, String action, String reason, String details) {
    }

    /**
     * A new account.
     *
     * @param username lower-case letters, digits, '.', '-', '_' (3–60)
     * @param password at least 8 characters with letters and digits
     */
    public record NewAccountDto(
        @Schema(required = true, maxLength = 60, pattern = "[a-z0-9][a-z0-9._-]{2,59}") String username,
        @Schema(required = true, maxLength = 200) String fullName,
        @Schema(required = true, minLength = 8) String password,
        @Schema(required = true) String agencyCode,
        @Schema(required = true, enumeration = {"DESK_OFFICER", "SPECIALIST", "LEADER", "AGENCY_ADMIN", "SYSTEM_ADMIN"})
        List<String> roles,
        @Schema(maxLength = 200) String email,
        @Schema(maxLength = 4000, description = "Why the account is created (request, decision); optional") String reason) {
    }

    /**
     * An edit of an account: the fields of creation (without the password) plus the reason, required.
     *
     * @param username optional; when present it must be the user name of the path (a user name never changes)
     */
    public record AccountEditDto(
        @Schema(maxLength = 60) String username,
        @Schema(required = true, maxLength = 200) String fullName,
        @Schema(required = true) String agencyCode,
        @Schema(required = true, enumeration = {"DESK_OFFICER", "SPECIALIST", "LEADER", "AGENCY_ADMIN", "SYSTEM_ADMIN"})
        List<String> roles,
        @Schema(maxLength = 200) String email,
        @Schema(required = true, maxLength = 4000, description = "Why (request, decision number)") String reason,
        @Schema(description = "not accepted here: lock or unlock with PUT /accounts/{username}/active") Boolean active) {
    }

    /** Locking or unlocking an account, with the reason. */
    public record AccountActiveDto(
        @Schema(required = true, description = "false locks the account (sign-in refused, open sessions end), true"
            + " unlocks it") Boolean active,
        @Schema(required = true, maxLength = 4000, description = "Why (request, decision number)") String reason) {
    }

    /** Accounts the caller administers. */
    @GET
    @Operation(summary = "Accounts of the administrator's units")
    public List<AccountDto> list() {
        return accounts.list().stream().map(this::dto).toList();
    }

    /** The signed-in account. */
    @GET
    @Path("me")
    @Operation(summary = "The signed-in account")
    public AccountDto me() {
        return dto(accounts.me());
    }

    /** One account (administrators). */
    @GET
    @Path("{username}")
    @Operation(summary = "One account")
    public AccountDto find(@PathParam("username") String username) {
        return dto(accounts.administered(username)); // another unit's account: 404 as an unknown one (issue 16)
    }

    /** Creates an account; 201 with its location, 409 when the user name is taken. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account")
    public Response create(NewAccountDto in, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (in == null) {
            throw Problems.badInput("A JSON body is required", List.of("body: the new account"));
        }
        Set<Role> roles = roles(in.roles());
        UserAccount created = accounts.create(in.username(), in.fullName(), in.password(), in.agencyCode(), roles,
            in.email(), in.reason());
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(dto(created)).build();
    }

    /**
     * Edits name, unit, roles and e-mail of an account with the rules of creation; audited with the reason and
     * the old and new values. A change of roles or unit ends the account's open screen sessions. 200 with the
     * account; 400 malformed body; 403 {@code OUT_OF_SCOPE} / {@code ROLE_NOT_GRANTABLE}; 404 unknown account;
     * 422 {@code REASON_REQUIRED}, {@code ACCOUNT_INVALID}, {@code UNKNOWN_AGENCY}, {@code NO_CHANGE}.
     */
    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit an account (name, unit, roles, e-mail) with a reason")
    public AccountDto update(@PathParam("username") String username, AccountEditDto in) {
        if (in == null) {
            throw Problems.badInput("A JSON body is required", List.of("body: the account's new values and a reason"));
        }
        if (in.username() != null && !in.username().equals(username)) {
            throw Problems.badInput("The user name cannot be changed", List.of("username: must be " + username));
        }
        if (in.active() != null) {
            throw Problems.badInput("Lock or unlock with PUT /accounts/" + username + "/active",
                List.of("active: not accepted here; PUT /accounts/" + username + "/active {\"active\":…,\"reason\":…}"));
        }
        return dto(accounts.update(username, in.fullName(), in.agencyCode(), roles(in.roles()), in.email(),
            in.reason()));
    }

    /**
     * Locks or unlocks an account (audited; locking ends its open sessions at their next request and refuses its
     * sign-in and Basic credentials).
     */
    @PUT
    @Path("{username}/active")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lock (active=false) or unlock (active=true) an account, with a reason",
        description = "403 ROLE_REQUIRED / ROLE_NOT_GRANTABLE as for editing; 404 unknown or another unit's account; 422 REASON_REQUIRED, NO_CHANGE (already so),"
            + " SELF_DISABLE (an administrator cannot lock itself)")
    public AccountDto setActive(@PathParam("username") String username, AccountActiveDto in) {
        if (in == null || in.active() == null) {
            throw Problems.badInput("Say whether the account is active", List.of("active: true or false, required"));
        }
        return dto(accounts.setActive(username, in.active(), in.reason()));
    }

    /**
     * Deletes an account that was never used (a test or mistaken account; issue 16), audited as {@code ACCOUNT_DELETE}
     * with the reason. 204; 403 as for editing; 404 unknown account; 409 {@code ACCOUNT_USED} (it signed in or
     * recorded anything: disable it with {@code PUT …/active} instead); 422 {@code REASON_REQUIRED},
     * {@code SELF_DELETE}.
     */
    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete an account that was never used, with a reason",
        description = "SYSTEM_ADMIN, or AGENCY_ADMIN of the account's unit. 403 ROLE_REQUIRED /"
            + " ROLE_NOT_GRANTABLE as for editing; 404 unknown or another unit's account; 409 ACCOUNT_USED when the account ever signed"
            + " in or recorded anything (disable it with PUT /accounts/{username}/active instead); 422 REASON_REQUIRED,"
            + " SELF_DELETE.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("username") String username,
                           @Parameter(description = "Why (request, decision number); required")
                           @QueryParam("reason") String reason) {
        accounts.delete(username, reason);
        return Response.noContent().build();
    }

    /**
     * Sets a new password chosen by an administrator (audited, never the password). Remembered HTTP Basic
     * verifications of the old password end at once. 204; 400 malformed body; 403 as for editing; 404 unknown
     * account; 422 {@code REASON_REQUIRED}, {@code WEAK_PASSWORD}.
     */
    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password for an account, with a reason",
        description = "403 ROLE_REQUIRED / ROLE_NOT_GRANTABLE as for editing; 404 unknown or another unit's account; 422 REASON_REQUIRED, WEAK_PASSWORD. The old"
            + " password is refused from the next request on (HTTP Basic included).")
    public Response resetPassword(@PathParam("username") String username, PasswordResetDto in) {
        if (in == null || in.password() == null) {
            throw Problems.badInput("A new password is required", List.of("password: at least 8 characters"));
        }
        accounts.resetPassword(username, in.password(), in.reason());
        return Response.noContent().build();
    }

    /**
     * Lifts the sign-in lock that repeated wrong passwords put on an account (issue 12); audited as
     * {@code ACCOUNT_SIGN_IN_UNLOCK}. 200 with the account; 403 as for editing; 404 unknown account;
     * 422 {@code NOT_LOCKED}.
     */
    @DELETE
    @Path("{username}/sign-in-lock")
    @Operation(summary = "Lift an account's sign-in lock after repeated wrong passwords",
        description = "SYSTEM_ADMIN, or AGENCY_ADMIN of the account's unit. 403 ROLE_REQUIRED;"
            + " 404 unknown or another unit's account; 422 NOT_LOCKED when the sign-in is not locked. The reason is optional.")
    public AccountDto liftSignInLock(@PathParam("username") String username,
                                     @Parameter(description = "Why (request, decision); optional")
                                     @QueryParam("reason") String reason) {
        accounts.liftSignInLock(username, reason);
        return dto(accounts.find(username));
    }

    /** The last administrative changes of an account (administrators of its unit). */
    @GET
    @Path("{username}/changes")
    @Operation(summary = "The last administrative changes of an account, newest first",
        description = "Creation, edits, lock/unlock, password resets, automatic sign-in locks and their lifting."
            + " 404 for an unknown account and for one of a unit the caller does not administer alike.")
    public List<AccountChangeDto> changes(@PathParam("username") String username,
                                          @QueryParam("limit") @DefaultValue("50") int limit) {
        AccountDto a = find(username); // 404 for unknown and other units' accounts alike, as for reading
        return audit.latestFor(AdminArea.ACCOUNT, a.username(), limit).stream()
            .map(c -> new AccountChangeDto(Times.format(c.occurredAt()), c.actor(), c.action(), c.reason(),
                c.details()))
            .toList();
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> errors = new ArrayList<>();
        for (String r : names == null ? List.<String>of() : names) {
            try {
                roles.add(Params.enumValue("roles", r, Role.class));
            } catch (RuntimeException e) {
                errors.add("roles: one of " + java.util.Arrays.toString(Role.values()));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.badInput("Unknown role", errors);
        }
        return roles;
    }

    AccountDto dto(UserAccount a) {
        java.time.Instant locked = accounts.signInLockedUntil(a.username());
        return new AccountDto(a.username(), a.fullName(), a.agency().code(), a.agency().name(),
            a.roles().stream().map(Enum::name).sorted().toList(), a.active(), a.email(),
            locked == null ? null : Times.format(locked));
    }
}
