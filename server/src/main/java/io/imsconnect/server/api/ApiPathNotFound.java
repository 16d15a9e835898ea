package io.imsconnect.server.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An {@code /api} path that no endpoint serves answers problem+json like every other API error; elsewhere the
 * console's 404 page stays in charge. Static files are served under {@code /assets/} only, so an unknown path is
 * a missing handler, not a missing file (docs/decisions/0025); a missing file under {@code /assets/} is the other.
 */
@RestControllerAdvice
class ApiPathNotFound {

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ProblemDetail noEndpoint(Exception missing, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw missing;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No API endpoint at this path; the endpoints are listed at /v3/api-docs.");
    }
}
