package io.imsconnect.server.preview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.imsconnect.server.errors.FieldViolation;

@RestController
class MaskPreviewApiController {

    private final MaskPreviewService preview;

    MaskPreviewApiController(MaskPreviewService preview) {
        this.preview = preview;
    }

    @PostMapping("/api/v1/association-mask/preview")
    List<MaskPreviewRow> preview(@RequestBody MaskPreviewRequest request) {
        return preview.preview(request);
    }

    /** As the API's other 400 problems, with the position of the error in the pattern added to the field error. */
    @ExceptionHandler
    ProblemDetail invalidMask(InvalidMaskInputException invalid) {
        FieldViolation violation = invalid.violations().get(0);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", violation.field());
        error.put("code", violation.code());
        error.put("message", violation.message());
        error.put("position", invalid.position());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields; see errors.");
        problem.setProperty("errors", List.of(error));
        return problem;
    }
}
