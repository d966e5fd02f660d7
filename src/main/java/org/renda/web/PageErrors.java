package org.renda.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.renda.shared.excel.ImportRejected;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.validation.BindException;
import org.springframework.dao.DataIntegrityViolationException;
import org.renda.shared.web.Feedback;
import java.util.stream.Collectors;
import org.springframework.web.servlet.ModelAndView;

/**
 * Page errors become a readable page in the user's language with the right status; never a stack trace.
 * Forms that can show an error in place catch {@link DomainException} themselves.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageErrors.class);

    private final MessageSource messages;
    private final Navigation navigation;
    private final Feedback feedback;

    PageErrors(MessageSource messages, Navigation navigation, Feedback feedback) {
        this.messages = messages;
        this.navigation = navigation;
        this.feedback = feedback;
    }

    /** Exception handlers bypass {@code @ModelAttribute}s: give the error page its frame explicitly. */
    private ModelAndView page(int status, HttpServletRequest request) {
        ModelAndView mv = new ModelAndView("error");
        mv.addObject("status", status);
        mv.addObject("actor", navigation.actor());
        mv.addObject("nav", navigation.nav(request));
        return mv;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        int status = e instanceof NotFoundException ? 404 : 400;
        response.setStatus(status);
        ModelAndView mv = page(status, request);
        mv.addObject("message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                LocaleContextHolder.getLocale()));
        if (e instanceof ImportRejected rejected) {
            mv.addObject("rowErrors", rejected.errors());
        }
        return mv;
    }

    /** A facade's own bean validation failed: the fields by their labels and what is wrong, in the user's language. */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ModelAndView constraint(jakarta.validation.ConstraintViolationException e, HttpServletRequest request,
            HttpServletResponse response) {
        return badRequest(feedback.text(e), request, response);
    }

    /** A query or form parameter of the wrong type: "日期「接待日期」无效：2026-02-30". */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response) {
        return badRequest(feedback.typeMismatch(e.getName(), e.getValue(), e.getRequiredType()), request, response);
    }

    /** A form bound to a record ({@code @ModelAttribute}) with values that do not convert or validate. */
    @ExceptionHandler(BindException.class)
    ModelAndView binding(BindException e, HttpServletRequest request, HttpServletResponse response) {
        String fields = e.getFieldErrors().stream().map(feedback::text).distinct()
                .collect(Collectors.joining("；"));
        return badRequest(fields.isEmpty() ? feedback.text("error.validation") : fields, request, response);
    }

    /** Constraints on the handler's own parameters (years, page numbers). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView parameters(HandlerMethodValidationException e, HttpServletRequest request,
            HttpServletResponse response) {
        return badRequest(e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> feedback.text("error.field",
                        feedback.label(r.getMethodParameter().getParameterName() == null ? ""
                                : r.getMethodParameter().getParameterName()), err.getDefaultMessage())))
                .distinct().collect(Collectors.joining("；")), request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request,
            HttpServletResponse response) {
        return badRequest(feedback.text("error.missingParameter", feedback.label(e.getParameterName())), request,
                response);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ModelAndView missingPart(MissingServletRequestPartException e, HttpServletRequest request,
            HttpServletResponse response) {
        return badRequest(feedback.text("error.missingParameter", feedback.label(e.getRequestPartName())), request,
                response);
    }

    /**
     * The last line: a value the database refused (too long for its column, out of range) that no form
     * check caught. Nothing was saved (the transaction rolled back); the user gets a 400 page, not a 500.
     */
    @ExceptionHandler({DataIntegrityViolationException.class, java.time.DateTimeException.class})
    ModelAndView refused(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Refused input on {}: {}", request.getRequestURI(), e.toString());
        return badRequest(feedback.text("error.dataRejected"), request, response);
    }

    /**
     * The database is away for a moment (a failover to the standby, a restart): 503 and "try again in a few seconds",
     * not an internal error. Any other data-access or transaction failure goes on to the 500 page as before.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class,
        org.springframework.transaction.TransactionException.class})
    ModelAndView unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!org.renda.shared.db.DatabaseOutage.isOutage(e)) {
            throw e;
        }
        log.warn("Database unavailable on {}, answered 503: {}", request.getRequestURI(), e.toString());
        response.setStatus(503);
        response.setHeader("Retry-After", "5");
        // No navigation: building it may need the database that is away.
        ModelAndView mv = new ModelAndView("error");
        mv.addObject("status", 503);
        mv.addObject("actor", navigation.actor());
        mv.addObject("nav", java.util.List.of());
        mv.addObject("message", messages.getMessage("error.databaseUnavailable", null, LocaleContextHolder.getLocale()));
        return mv;
    }

    private ModelAndView badRequest(String message, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(400);
        ModelAndView mv = page(400, request);
        mv.addObject("message", message);
        return mv;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(413);
        ModelAndView mv = page(413, request);
        mv.addObject("message", messages.getMessage("error.tooLarge", null, LocaleContextHolder.getLocale()));
        return mv;
    }
}
