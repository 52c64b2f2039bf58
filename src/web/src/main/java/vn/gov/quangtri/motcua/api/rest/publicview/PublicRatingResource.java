package vn.gov.quangtri.motcua.api.rest.publicview;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.dossier.application.LookupAttempts;
import vn.gov.quangtri.motcua.rating.application.RatingService;
import vn.gov.quangtri.motcua.rating.domain.Rating;
import vn.gov.quangtri.motcua.rating.domain.RatingCriterion;
import vn.gov.quangtri.motcua.rating.domain.RatingLevel;
import vn.gov.quangtri.motcua.web.security.ClientAddress;

/**
 * A citizen rates a returned dossier with the code and the secret of the receipt slip, without sign-in:
 * {@code POST /api/v1/public/ratings} (issue 13 §2; Decree 61/2018/NĐ-CP art. 32–33; docs/domain.md §2.13). A wrong
 * secret, an unknown or partial code and a child dossier get the lookup's one 404 problem and count against the
 * lookup's limit of failed attempts (429 with {@code Retry-After} past it).
 */
@Path("v1/public/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Public lookup", description = "Citizens follow their dossier with the code and the secret printed on the receipt slip (no sign-in)")
public class PublicRatingResource {

    @EJB
    private RatingService ratings;

    @EJB
    private LookupAttempts attempts;

    @Inject
    private ClientAddress clientAddress;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    /** One answer: criterion and level by name (e.g. {@code ATTITUDE}, {@code VERY_SATISFIED}). */
    public record AnswerDto(String criterion, String level) {
    }

    /** The rating as posted. */
    public record RatingRequest(String code, String token, List<AnswerDto> answers, String comment) {
    }

    /** The stored rating as the citizen may see it (no officer). */
    public record RatingDto(String code, String channel, String ratedAt, Map<String, String> answers, String comment) {

        /** The citizen's copy of a rating. */
        public static RatingDto of(Rating r) {
            Map<String, String> a = new java.util.LinkedHashMap<>();
            r.answers().forEach((c, l) -> a.put(c.name(), l.name()));
            return new RatingDto(r.dossierCode(), r.channel().name(), Times.format(r.ratedAt()), a, r.comment());
        }
    }

    /** Rates a returned dossier once. */
    @POST
    @Operation(summary = "Rate a returned dossier with its code and the secret of the receipt slip (no sign-in)",
        description = "answers: one per criterion at most (TOTAL_TIME, UNIT_TIME, CONTACTS_TO_COMPLETE,"
            + " AGENCIES_CONTACTED, ONE_STOP, PUBLICITY, ATTITUDE, FEEDBACK_HANDLING, ONLINE_SERVICE; Decree 61 art. 33),"
            + " level VERY_SATISFIED, SATISFIED, NEUTRAL or NOT_SATISFIED; comment optional (≤ 1000 characters)."
            + " Nothing about the rater is stored.")
    @APIResponse(responseCode = "201", description = "the rating")
    @APIResponse(responseCode = "400", description = "INVALID_INPUT: unknown criterion or level, a criterion twice, no"
        + " answer, more answers than the form's 9 questions; COMMENT_TOO_LONG (over 1000 characters)")
    @APIResponse(responseCode = "404", description = "NO_MATCH: the lookup's one answer for a wrong secret, an unknown or partial code and a child dossier")
    @APIResponse(responseCode = "409", description = "ALREADY_RATED or NOT_RETURNED; nothing changed")
    @APIResponse(responseCode = "422", description = "NO_ANSWER")
    @APIResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS, with Retry-After in seconds")
    public Response rate(RatingRequest body) {
        if (body == null) {
            throw Problems.badInput("A JSON body is required", List.of("code", "token", "answers"));
        }
        Map<RatingCriterion, RatingLevel> answers = answers(body.answers());
        String address = clientAddress.of(request);
        long wait = attempts.blockedSeconds(address, body.code());
        if (wait > 0) {
            return Response.fromResponse(Problems.of(429, "Too Many Requests", "TOO_MANY_ATTEMPTS",
                "Too many failed lookups: try again later", List.of(), uri))
                .header("Retry-After", String.valueOf(wait)).header("Cache-Control", "no-store").build();
        }
        Optional<Rating> r = ratings.rateWithToken(body.code(), body.token(), answers, body.comment());
        if (r.isEmpty()) {
            attempts.failed(address, body.code());
            return Response.fromResponse(PublicLookupResource.notFound(uri)).header("Cache-Control", "no-store").build();
        }
        return Response.status(Response.Status.CREATED).entity(RatingDto.of(r.get())).header("Cache-Control", "no-store")
            .build();
    }

    /**
     * The answers by criterion.
     *
     * @throws vn.gov.quangtri.motcua.api.rest.BadInputException 400 for an unknown criterion or level, a criterion
     *                                                          answered twice, or no answer
     */
    public static Map<RatingCriterion, RatingLevel> answers(List<AnswerDto> given) {
        List<String> errors = new ArrayList<>();
        Map<RatingCriterion, RatingLevel> answers = new EnumMap<>(RatingCriterion.class);
        if (given == null || given.isEmpty()) {
            throw Problems.badInput("At least one answer is required", List.of("answers: at least one {criterion, level}"));
        }
        int questions = RatingCriterion.values().length;
        if (given.size() > questions) {
            // One answer per question of the rating form at most; more is refused before any is read (issue 16).
            throw Problems.badInput("Too many answers; nothing was stored", List.of("answers: at most " + questions
                + " (one per question of the rating form), " + given.size() + " given"));
        }
        for (int i = 0; i < given.size(); i++) {
            AnswerDto a = given.get(i);
            RatingCriterion c = parse(RatingCriterion.class, a == null ? null : a.criterion());
            RatingLevel l = parse(RatingLevel.class, a == null ? null : a.level());
            if (c == null) {
                errors.add("answers[" + i + "].criterion: one of " + java.util.Arrays.toString(RatingCriterion.values()));
            }
            if (l == null) {
                errors.add("answers[" + i + "].level: one of " + java.util.Arrays.toString(RatingLevel.values()));
            }
            if (c != null && l != null && answers.put(c, l) != null) {
                errors.add("answers[" + i + "].criterion: " + c + " answered twice");
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.badInput("Invalid answers; nothing was stored", errors);
        }
        return answers;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
