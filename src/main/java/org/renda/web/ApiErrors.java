package org.renda.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.renda.shared.DomainException;
import org.renda.shared.NotAuthenticatedException;
import org.renda.shared.NotFoundException;
import org.renda.shared.db.DatabaseOutage;
import org.renda.shared.excel.ImportRejected;
import org.renda.shared.web.Feedback;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    /**
     * The message keys of a conflict with the record's current state: an optimistic-lock failure (it changed since
     * the client read it), or a step its state does not allow now (a case already signed for).
     */
    private static final java.util.Set<String> STALE_VERSION = java.util.Set.of("error.concurrentEdit",
            "assessment.error.stale", "case.error.stepNotOpen");

    private final MessageSource messages;
    private final Feedback feedback;

    ApiErrors(MessageSource messages, Feedback feedback) {
        this.messages = messages;
        this.feedback = feedback;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof NotAuthenticatedException ? HttpStatus.UNAUTHORIZED
                : STALE_VERSION.contains(e.messageKey()) ? HttpStatus.CONFLICT // a stale version or state: read again
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
                .map(v -> Map.<String, Object>of("field", lastNode(v.getPropertyPath().toString()),
                        "message", v.getMessage()))
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
                .map(f -> Map.<String, Object>of("field", f.getField(), "message", f.isBindingFailure()
                        ? feedback.text(f) : f.getDefaultMessage() == null ? "" : f.getDefaultMessage()))
                .toList();
        p.setProperty("errors", fields);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /** Malformed JSON, or a value of the wrong type, which is then named with its path and value. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.unreadableBody", null));
        if (ex.getCause() instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
            String field = d.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining("."));
            String message = d instanceof tools.jackson.databind.exc.InvalidFormatException bad
                    ? feedback.typeMismatch(field, bad.getValue(), bad.getTargetType())
                    : text("error.unreadableBody", null);
            p.setDetail(message);
            p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return problem(p);
    }

    /** A query parameter or path variable of the wrong type, named: "日期「from」无效：2026-02-30". */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : ex.getPropertyName() == null ? "" : ex.getPropertyName();
        String message = feedback.typeMismatch(field, ex.getValue(), ex.getRequiredType());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem(p);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String message = text("error.missingParameter", new Object[] {feedback.label(ex.getParameterName())});
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        p.setProperty("errors", List.of(Map.of("field", ex.getParameterName(), "message", message)));
        return problem(p);
    }

    /** Constraints on a handler's own parameters (years, page numbers). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation", null));
        p.setProperty("errors", ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.<String, Object>of(
                        "field", r.getMethodParameter().getParameterName() == null ? ""
                                : r.getMethodParameter().getParameterName(),
                        "message", err.getDefaultMessage() == null ? "" : err.getDefaultMessage())))
                .toList());
        return problem(p);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge", null)));
    }

    /**
     * The last line: a value the database refused (too long for its column, out of range) that no check caught.
     * Nothing was saved (the transaction rolled back).
     */
    @ExceptionHandler({org.springframework.dao.DataIntegrityViolationException.class,
        java.time.DateTimeException.class})
    ResponseEntity<Object> refused(Exception e) {
        log.warn("Refused API input: {}", e.toString());
        return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.dataRejected", null)));
    }

    /**
     * Anything else is a fault of ours: 500 as a problem detail whose text says nothing of the exception
     * (that goes to the log, with the stack trace).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security answers these with its own problem details
        }
        if (DatabaseOutage.isOutage(e)) {
            return unavailable(e);
        }
        log.error("Unexpected API error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, text("error.500", null));
        p.setType(URI.create("urn:renda:problem:error.500"));
        return ResponseEntity.internalServerError()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /**
     * The database is away for a moment (a failover to the standby, a restart): 503 with Retry-After, so a partner
     * system sends the same request again (with the same Idempotency-Key a submission is never registered twice).
     * Nothing half-done was saved: the transaction did not commit, or committed and the retry finds it.
     */
    ResponseEntity<Object> unavailable(Exception e) {
        log.warn("Database unavailable, answered 503: {}", e.toString());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                text("error.databaseUnavailable", null));
        p.setType(URI.create("urn:renda:problem:error.databaseUnavailable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** A failover on loopback takes about 5 s, with the pg_auto_failover defaults about 30 s (docs/operations.md). */
    static final String RETRY_AFTER_SECONDS = "5";

    private static ResponseEntity<Object> problem(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
