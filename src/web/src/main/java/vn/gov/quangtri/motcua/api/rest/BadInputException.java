package vn.gov.quangtri.motcua.api.rest;

import java.util.List;

/** Malformed request input (missing field, unparsable date); answered 400 with the list of errors. */
public class BadInputException extends RuntimeException {

    private final List<String> errors;

    /**
     * @param detail explanation
     * @param errors one entry per problem, e.g. {@code "applicant.name: required"}
     */
    public BadInputException(String detail, List<String> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** One entry per problem. */
    public List<String> errors() {
        return errors;
    }
}
