package vn.gov.quangtri.motcua.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

/** Issue 16: binding errors name the field and the allowed values, never a Java class. */
class JsonErrorsTest {

    @Test
    void enumErrorNamesFieldAndAllowedValues() {
        Throwable e = new JsonbException("Unable to deserialize property 'timeLimit' because of: Unable to deserialize "
            + "property 'unit' because of: No enum constant vn.gov.quangtri.motcua.catalogue.domain.DocumentForm.LIGHT_YEAR",
            new IllegalArgumentException("No enum constant vn.gov.quangtri.motcua.catalogue.domain.DocumentForm.LIGHT_YEAR"));
        String d = JsonErrors.describe(e);
        assertEquals("timeLimit.unit: one of [ORIGINAL, CERTIFIED_COPY, COPY, ANY]", d);
        assertFalse(d.contains("vn.gov"), d);
        assertEquals("quantity: not a valid value",
            JsonErrors.describe(new JsonbException("Unable to deserialize property 'quantity' because of: java.lang.NumberFormatException")));
        assertEquals("body: not valid JSON for this operation", JsonErrors.describe(new JsonbException("Unexpected char 39 at (line no=1)")));
    }

    @Test
    void problemTextsNeverNameJavaClasses() {
        assertEquals("unit: not a valid value",
            Problems.scrub("unit: No enum constant vn.gov.quangtri.motcua.catalogue.domain.TimeLimitUnit.LIGHT_YEAR"));
        assertEquals("Invalid input", Problems.scrub("java.lang.IllegalStateException: boom"));
        assertEquals("Invalid input", Problems.scrub("NullPointerException at line 3"));
        assertEquals("applicant.name: required", Problems.scrub("applicant.name: required"));
        assertEquals("Account le.van.a not found", Problems.scrub("Account le.van.a not found"));
        assertEquals("set motcua.auth.token.key-file", Problems.scrub("set motcua.auth.token.key-file"));
    }
}
