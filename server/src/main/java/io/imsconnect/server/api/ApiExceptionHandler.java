package io.imsconnect.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.FieldViolation;
import io.imsconnect.server.errors.InvalidInputException;
import io.imsconnect.server.errors.NotFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Errors of the REST API as RFC 9457 {@code application/problem+json}, with an {@code errors} list naming
 * each bad field, its code and the fix. Never a stack trace or an exception message from a library.
 *
 * <p>An error is never much larger than a few kilobytes, whatever the request: at most {@value #MAX_ERRORS} field
 * errors are listed, the number of the others is given in {@code errorsNotShown}, and each field error is cut to
 * a bounded size ({@link FieldViolation}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final int MAX_ERRORS = 20;

    // Jackson reports a duplicate only by this message, on a plain StreamReadException (JsonReadContext).
    private static final String DUPLICATE_PROPERTY = "Duplicate Object property";

    @ExceptionHandler
    ProblemDetail invalid(InvalidInputException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields; see errors.", invalid.violations());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException conflict) {
        return problem(HttpStatus.CONFLICT, conflict.violation().message(), List.of(conflict.violation()));
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException missing) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, missing.getMessage());
    }

    /** A query or path parameter of the wrong form: {@code ?from=yesterday}, {@code ?outcome=MAYBE}. */
    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == null ? "another form"
                : mismatch.getRequiredType().isEnum()
                        ? "one of " + java.util.Arrays.toString(mismatch.getRequiredType().getEnumConstants())
                        : mismatch.getRequiredType() == java.time.Instant.class
                                ? "an instant such as 2026-11-28T09:00:00Z"
                                : "a " + mismatch.getRequiredType().getSimpleName();
        FieldViolation violation = new FieldViolation(mismatch.getName(), "invalidValue",
                "has a value this endpoint cannot read; write " + expected);
        return problem(HttpStatus.BAD_REQUEST, violation.message(), List.of(violation));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldViolation violation = describe(unreadable);
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, violation.message(), List.of(violation));
        return handleExceptionInternal(unreadable, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static FieldViolation describe(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof StreamReadException read && isDuplicate(read)) {
            return new FieldViolation(path(read.processor().streamReadContext()), "duplicateField",
                    "appears more than once in the same JSON object; send each field once");
        }
        if (unreadable.getCause() instanceof UnrecognizedPropertyException unknown) {
            return new FieldViolation(unknown.getPropertyName(), "unknownField", "is not a field of this request; "
                    + "remove it (known fields: " + unknown.getKnownPropertyIds() + ")");
        }
        if (unreadable.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new FieldViolation(field, "invalidValue", "has a value of the wrong type or form; fix it and retry");
        }
        return new FieldViolation("body", "malformedJson",
                "is not a JSON document this endpoint understands; send a JSON object (Content-Type: application/json)");
    }

    private static boolean isDuplicate(StreamReadException read) {
        return read.processor() != null && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith(DUPLICATE_PROPERTY);
    }

    /** Where the parser stands, as {@code rights} or {@code accounts.[0].label}: the duplicated field. */
    private static String path(TokenStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            parts.add(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : String.valueOf(at.currentName()));
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (violations.size() > MAX_ERRORS) {
            problem.setProperty("errors", violations.subList(0, MAX_ERRORS));
            problem.setProperty("errorsNotShown", violations.size() - MAX_ERRORS);
        } else {
            problem.setProperty("errors", violations);
        }
        return problem;
    }
}
