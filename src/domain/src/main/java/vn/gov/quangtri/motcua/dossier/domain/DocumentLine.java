package vn.gov.quangtri.motcua.dossier.domain;

import java.util.Objects;
import vn.gov.quangtri.motcua.catalogue.domain.DocumentForm;
import vn.gov.quangtri.motcua.shared.domain.Texts;

/**
 * A document as handed in at intake.
 *
 * @param requiredPosition position of the procedure's required document it satisfies, or null for an extra paper
 * @param name             document name; may be null when {@code requiredPosition} is given (the component's name is used)
 * @param form             original, certified copy, copy
 * @param quantity         number of copies, at least 1
 */
public record DocumentLine(Integer requiredPosition, String name, DocumentForm form, int quantity) {

    /** Validates the line; the name is cleaned by the one text rule ({@link Texts#clean}, single line). */
    public DocumentLine {
        name = Texts.clean("documents.name", name, false, 1000);
        if (name == null && requiredPosition == null) {
            throw new IllegalArgumentException("a document needs a name or the position of a required component");
        }
        Objects.requireNonNull(form, "form");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    /** The same line with another name. */
    public DocumentLine named(String newName) {
        return new DocumentLine(requiredPosition, newName, form, quantity);
    }
}
