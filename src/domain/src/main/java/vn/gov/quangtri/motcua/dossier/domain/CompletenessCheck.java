package vn.gov.quangtri.motcua.dossier.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.catalogue.domain.Procedure;
import vn.gov.quangtri.motcua.catalogue.domain.RequiredDocument;
import vn.gov.quangtri.motcua.shared.domain.RuleViolationException;

/**
 * The intake completeness check (docs/domain.md §2.2 step 2): compares the documents handed in with the
 * procedure's published component list and lists, all at once, what is missing or in the wrong form.
 */
public final class CompletenessCheck {

    private CompletenessCheck() {
    }

    /**
     * @param procedure the procedure (a catalogue row without a component list cannot be checked: empty result)
     * @param received  the documents handed in; {@link DocumentLine#requiredPosition()} links a line to a component
     * @return one Vietnamese line per missing or deficient component, in the procedure's order; empty when complete.
     *         A conditional component ({@link RequiredDocument#required()} false) is not demanded, but when it is
     *         handed in its form and number of copies are checked like any other
     */
    public static List<String> deficiencies(Procedure procedure, List<DocumentLine> received) {
        Map<Integer, DocumentLine> byPosition = received.stream()
            .filter(l -> l.requiredPosition() != null)
            .collect(Collectors.toMap(DocumentLine::requiredPosition, Function.identity(), (a, b) -> a));
        List<String> out = new ArrayList<>();
        for (RequiredDocument required : procedure.documents()) {
            DocumentLine line = byPosition.get(required.position());
            if (line == null) {
                if (required.required()) {
                    out.add("Thiếu: " + required.name());
                }
            } else if (!formSatisfies(line.form(), required.form())) {
                out.add("Sai hình thức (cần " + required.form() + "): " + required.name());
            } else if (line.quantity() < required.quantity()) {
                out.add("Thiếu số lượng (cần " + required.quantity() + "): " + required.name());
            }
        }
        return out;
    }

    /**
     * Checks that each line refers to an existing component at most once and gives lines that only name a
     * position the component's name.
     *
     * @return the lines, named
     * @throws RuleViolationException {@code UNKNOWN_COMPONENT} or {@code DUPLICATE_COMPONENT}
     */
    public static List<DocumentLine> named(Procedure procedure, List<DocumentLine> received) {
        Map<Integer, RequiredDocument> byPosition = procedure.documents().stream()
            .collect(Collectors.toMap(RequiredDocument::position, Function.identity()));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        List<DocumentLine> out = new ArrayList<>();
        for (DocumentLine line : received) {
            Integer pos = line.requiredPosition();
            if (pos != null) {
                RequiredDocument required = byPosition.get(pos);
                if (required == null) {
                    throw new RuleViolationException("UNKNOWN_COMPONENT", "Procedure " + procedure.code()
                        + " has no required document number " + pos + " (it has " + byPosition.size() + ")",
                        List.of("documents: requiredPosition " + pos));
                }
                if (!seen.add(pos)) {
                    throw new RuleViolationException("DUPLICATE_COMPONENT",
                        "Required document number " + pos + " is listed twice", List.of("documents: requiredPosition " + pos));
                }
                out.add(line.name() == null || line.name().isBlank() ? line.named(required.name()) : line);
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private static boolean formSatisfies(DocumentForm given, DocumentForm required) {
        return switch (required) {
            case ANY, COPY -> true;
            case CERTIFIED_COPY -> given == DocumentForm.CERTIFIED_COPY || given == DocumentForm.ORIGINAL;
            case ORIGINAL -> given == DocumentForm.ORIGINAL;
        };
    }
}
