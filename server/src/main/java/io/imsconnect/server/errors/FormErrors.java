package io.imsconnect.server.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

/** Puts the violations of a refused console form into the model, field by field, for the form to show. */
public final class FormErrors {

    public static final String ATTRIBUTE = "fieldErrors";

    private FormErrors() {
    }

    public static void show(Model model, RuntimeException refused) {
        List<FieldViolation> violations;
        if (refused instanceof InvalidInputException invalid) {
            violations = invalid.violations();
        } else if (refused instanceof ConflictException conflict) {
            violations = List.of(conflict.violation());
        } else {
            throw refused;
        }
        Map<String, String> byField = new LinkedHashMap<>();
        violations.forEach(v -> byField.merge(v.field(), v.message(), (a, b) -> a + "; " + b));
        model.addAttribute(ATTRIBUTE, byField);
    }
}
