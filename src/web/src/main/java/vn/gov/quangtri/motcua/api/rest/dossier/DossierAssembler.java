package vn.gov.quangtri.motcua.api.rest.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.gov.quangtri.motcua.api.rest.BadInputException;
import vn.gov.quangtri.motcua.api.rest.Problems;
import vn.gov.quangtri.motcua.api.rest.Times;
import vn.gov.quangtri.motcua.calendar.domain.WorkingCalendar;
import vn.gov.quangtri.motcua.calendar.domain.WorkingDuration;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.dossier.application.ApplicantDossiers;
import vn.gov.quangtri.motcua.dossier.application.IntakeOutcome;
import vn.gov.quangtri.motcua.dossier.application.IntakeRequest;
import vn.gov.quangtri.motcua.dossier.domain.Apology;
import vn.gov.quangtri.motcua.dossier.domain.Applicant;
import vn.gov.quangtri.motcua.dossier.domain.Channel;
import vn.gov.quangtri.motcua.dossier.domain.DocumentLine;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierStep;

/** Converts between dossier DTOs and the domain; validates request shape (400 with every error at once). */
final class DossierAssembler {

    private DossierAssembler() {
    }

    /**
     * Validates and converts an intake body.
     *
     * @throws BadInputException listing every malformed field
     */
    static IntakeRequest toRequest(DossierDtos.IntakeDto in) {
        List<String> errors = new ArrayList<>();
        if (in == null) {
            throw Problems.badInput("A JSON body is required", List.of("body: required"));
        }
        require(errors, in.procedureCode(), "procedureCode");
        require(errors, in.receivingAgencyCode(), "receivingAgencyCode");
        Channel channel = enumOf(errors, Channel.class, in.channel(), "channel", Channel.DIRECT);
        IntakeOutcome outcome = enumOf(errors, IntakeOutcome.class, in.outcome(), "outcome", IntakeOutcome.RECEIVE);
        Applicant applicant = null;
        DossierDtos.ApplicantDto a = in.applicant();
        if (a == null) {
            errors.add("applicant: required");
        } else {
            Applicant.Kind kind = enumOf(errors, Applicant.Kind.class, a.kind(), "applicant.kind",
                    Applicant.Kind.INDIVIDUAL);
            errors.addAll(Applicant.problems(kind, a.name(), a.idNumber(), a.phone(), a.email(), a.address()));
            if (a.language() != null && !a.language().isBlank()
                && !Applicant.LANGUAGES.contains(a.language().strip().toLowerCase(java.util.Locale.ROOT))) {
                errors.add("applicant.language: vi or en");
            }
            if (errors.isEmpty()) {
                applicant = new Applicant(kind, a.name(), a.idNumber(), a.phone(), a.email(), a.address(),
                    a.language());
            }
        }
        List<DocumentLine> documents = new ArrayList<>();
        if (in.documents() != null && in.documents().size() > 200) {
            errors.add("documents: at most 200 entries");
        } else if (in.documents() != null) {
            for (int i = 0; i < in.documents().size(); i++) {
                DossierDtos.DocumentDto d = in.documents().get(i);
                String at = "documents[" + i + "]";
                if (d == null) {
                    errors.add(at + ": null");
                    continue;
                }
                String name = vn.gov.quangtri.motcua.shared.domain.Texts.blank(d.name()) ? null : d.name();
                String control = vn.gov.quangtri.motcua.shared.domain.Texts.controlProblem(at + ".name", d.name(), false);
                if (control != null) {
                    errors.add(control);
                    continue;
                }
                if (name == null && d.requiredPosition() == null) {
                    errors.add(at + ": give requiredPosition or name");
                }
                maxLength(errors, name, 1000, at + ".name");
                DocumentForm form = enumOf(errors, DocumentForm.class, d.form(), at + ".form", DocumentForm.ANY);
                int quantity = d.quantity() == null ? 1 : d.quantity();
                if (quantity < 1 || quantity > 1000) {
                    errors.add(at + ".quantity: must be between 1 and 1000");
                }
                if (d.requiredPosition() != null && d.requiredPosition() < 1) {
                    errors.add(at + ".requiredPosition: must be at least 1");
                }
                if ((name != null || d.requiredPosition() != null) && form != null && quantity >= 1 && quantity <= 1000) {
                    documents.add(new DocumentLine(d.requiredPosition(), name, form, quantity));
                }
            }
        }
        Instant submittedAt = null;
        if (in.submittedAt() != null && !in.submittedAt().isBlank()) {
            try {
                submittedAt = Times.parseMoment("submittedAt", in.submittedAt());
            } catch (BadInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.badInput("The dossier has invalid fields", errors);
        }
        return new IntakeRequest(in.procedureCode().strip(), in.receivingAgencyCode().strip(), channel, applicant,
            documents, submittedAt, outcome, in.missingItems(), in.refusalReason(), in.note());
    }

    /**
     * The full view of a dossier, with working time left computed by the calendar at {@code now} and the actions
     * the caller may take now ({@code ProcessingService.allowedActions}).
     */
    static DossierDtos.DossierDto toDto(Dossier d, WorkingCalendar calendar, Instant now,
                                        java.util.Set<vn.gov.quangtri.motcua.dossier.domain.DossierAction> allowed) {
        DossierDtos.TimeLeftDto left = null;
        WorkingDuration w = d.timeLeft(now, calendar);
        if (w != null) {
            left = new DossierDtos.TimeLeftDto(w.overdue(), w.days(), w.hours(), w.minutes(), w.toVietnamese(),
                    w.toEnglish());
        }
        List<DossierDtos.StepDto> steps = d.steps().stream().map(DossierAssembler::step).toList();
        DossierDtos.StepDto current = d.currentStep() == null ? null : steps.get(d.currentStep() - 1);
        var a = d.applicant();
        return new DossierDtos.DossierDto(d.code(), d.status().name(), d.status().portalCode(), d.regime().name(),
            new DossierDtos.ProcedureRefDto(d.snapshot().code(), d.snapshot().name(), d.snapshot().field(),
                d.snapshot().revision(), d.clock().timeLimit() == null ? null : d.clock().timeLimit().value(),
                d.clock().timeLimit() == null ? null : d.clock().timeLimit().unit().name(), d.snapshot().feeVnd()),
            new DossierDtos.AgencyRefDto(d.receivingAgency().code(), d.receivingAgency().name(),
                d.receivingAgency().edocCode()),
            d.channel().name(),
            new DossierDtos.ApplicantDto(a.kind().name(), a.name(), a.idNumber(), a.phone(), a.email(), a.address(),
                a.language()),
            d.documents().stream().map(x -> new DossierDtos.DocumentDto(x.requiredPosition(), x.name(), x.form().name(),
                x.quantity())).toList(),
            Times.format(d.submittedAt()), Times.format(d.clock().receivedAt()), Times.format(d.clock().clockStartedAt()),
            Times.format(d.clock().dueAt()), Times.format(d.clock().rescheduledDueAt()), Times.format(d.clock().pausedAt()),
            Times.format(d.clock().completedAt()), Times.format(d.handOver().returnedAt()),
            d.clock().timeliness() == null ? null : d.clock().timeliness().name(), d.supplementCount(),
            d.handOver().returnedTo(), d.handOver().method(), left, current, steps,
            d.history().stream().map(e -> new DossierDtos.EventDto(e.seq(), Times.format(e.occurredAt()),
                Times.format(e.recordedAt()), e.actor(),
                e.action().name(), e.fromStatus() == null ? null : e.fromStatus().name(), e.toStatus().name(),
                e.stepPosition(), e.reason(), e.items(), Times.format(e.dueBefore()), Times.format(e.dueAfter()),
                e.backdatingReason(), e.backdatingApprovedBy(), e.decision() == null ? null
                    : new DossierDtos.DecisionDto(e.decision().number(),
                        e.decision().date() == null ? null : e.decision().date().toString(), e.decision().signer())))
                .toList(),
            d.version(), d.origin().parentCode(), d.origin().child() ? d.origin().parentLeg() : null,
            Apology.due(d, now, calendar),
            allowed.stream().map(Enum::name).sorted().toList(), null, d.handOver().resultFileId());
    }

    /** The intake answer: the dossier with the applicant's other open dossiers (a warning). */
    static DossierDtos.DossierDto withOtherOpenDossiers(DossierDtos.DossierDto d,
                                                        List<ApplicantDossiers.OtherOpenDossier> others) {
        return new DossierDtos.DossierDto(d.code(), d.status(), d.portalStatus(), d.regime(), d.procedure(),
            d.receivingAgency(), d.channel(), d.applicant(), d.documents(), d.submittedAt(), d.receivedAt(),
            d.clockStartedAt(), d.dueAt(), d.rescheduledDueAt(), d.pausedAt(), d.completedAt(), d.returnedAt(),
            d.timeliness(), d.supplementCount(), d.returnedTo(), d.returnMethod(), d.timeLeft(), d.currentStep(),
            d.steps(), d.history(), d.version(), d.parentCode(), d.parentLeg(), d.apologyDue(), d.allowedActions(),
            others.stream().map(DossierAssembler::otherOpen).toList(), d.returnedResultFileId());
    }

    /** One line of the duplicate-applicant warning. */
    static DossierDtos.OtherOpenDossierDto otherOpen(ApplicantDossiers.OtherOpenDossier o) {
        return new DossierDtos.OtherOpenDossierDto(o.code(), o.procedureCode(), o.procedureName(), o.status().name(),
            o.receivingAgencyCode(), Times.format(o.receivedAt()), Times.format(o.dueAt()),
            Times.format(o.rescheduledDueAt()), o.rule().name());
    }

    /** The short form used in search results. */
    static DossierDtos.DossierSummaryDto toSummary(Dossier d) {
        return new DossierDtos.DossierSummaryDto(d.code(), d.status().name(), d.snapshot().code(), d.snapshot().name(),
            d.receivingAgency().code(), d.channel().name(), d.applicant().name(), Times.format(d.submittedAt()),
            Times.format(d.clock().receivedAt()), Times.format(d.clock().dueAt()), Times.format(d.clock().completedAt()),
            d.clock().timeliness() == null ? null : d.clock().timeliness().name(), d.currentStep());
    }

    private static DossierDtos.StepDto step(DossierStep s) {
        return new DossierDtos.StepDto(s.position(), s.name(), s.role().name(), s.kind().name(), s.responsibleUnit(),
            s.allottedMinutes(), Times.format(s.startedAt()), Times.format(s.dueAt()), Times.format(s.completedAt()),
            s.handler(), s.completedBy(), s.timeliness() == null ? null : s.timeliness().name(), s.note());
    }

    private static void require(List<String> errors, String value, String name) {
        String control = vn.gov.quangtri.motcua.shared.domain.Texts.controlProblem(name, value, false);
        if (control != null) {
            errors.add(control);
        } else if (vn.gov.quangtri.motcua.shared.domain.Texts.blank(value)) {
            errors.add(name + ": required");
        }
    }

    /** Length counted after NFC normalisation, as the value is stored. */
    private static void maxLength(List<String> errors, String value, int max, String name) {
        if (value != null && vn.gov.quangtri.motcua.shared.domain.TextSearch.nfc(value).length() > max) {
            errors.add(name + ": at most " + max + " characters");
        }
    }

    private static <E extends Enum<E>> E enumOf(List<String> errors, Class<E> type, String value, String name, E dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(c.name());
            }
            errors.add(name + ": one of " + allowed);
            return null;
        }
    }
}
