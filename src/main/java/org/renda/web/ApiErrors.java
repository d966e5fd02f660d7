package org.renda.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.renda.shared.DomainException;
import org.renda.shared.NotAuthenticatedException;
import org.renda.shared.NotFoundException;
import org.renda.shared.excel.ImportRejected;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The JSON API answers every error as RFC 9457 problem details, with the offending fields named. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    /** The message keys of an optimistic-lock failure: the record changed since the client read it. */
    private static final java.util.Set<String> STALE_VERSION = java.util.Set.of("error.concurrentEdit",
            "assessment.error.stale");

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof NotAuthenticatedException ? HttpStatus.UNAUTHORIZED
                : STALE_VERSION.contains(e.messageKey()) ? HttpStatus.CONFLICT // a stale version: read again
                : HttpStatus.valueOf(422);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, text(e.messageKey(), e.args()));
        p.setType(URI.create("urn:renda:problem:" + e.messageKey()));
        if (e instanceof ImportRejected rejected) {
            p.setProperty("rows", rejected.errors().stream()
                    .map(r -> Map.of("row", r.row(), "message", text(r.messageKey(), r.args()))).toList());
        }
        return p;
    }

    /** A facade's own bean validation ({@code @Validated} services): the same problem as a bad request body. */
    @org.springframework.web.bind.annotation.ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(jakarta.validation.ConstraintViolationException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation", null));
        p.setProperty("errors", ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList());
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /** {@code record.arg1.place} → {@code place}. */
    static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation", null));
        List<Map<String, Object>> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(PageErrorsSupport::field).toList();
        p.setProperty("errors", fields);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.unreadableBody", null));
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Field errors as { field, message }. */
    static final class PageErrorsSupport {
        private PageErrorsSupport() {}

        static Map<String, Object> field(FieldError f) {
            return Map.of("field", f.getField(), "message", f.getDefaultMessage() == null ? "" : f.getDefaultMessage());
        }
    }
}
