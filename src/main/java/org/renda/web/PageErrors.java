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
import org.springframework.web.servlet.ModelAndView;

/**
 * Page errors become a readable page in the user's language with the right status; never a stack trace.
 * Forms that can show an error in place catch {@link DomainException} themselves.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final MessageSource messages;
    private final Navigation navigation;

    PageErrors(MessageSource messages, Navigation navigation) {
        this.messages = messages;
        this.navigation = navigation;
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

    /** A facade's own bean validation failed: the fields and what is wrong with them, in the user's language. */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ModelAndView constraint(jakarta.validation.ConstraintViolationException e, HttpServletRequest request,
            HttpServletResponse response) {
        response.setStatus(400);
        ModelAndView mv = page(400, request);
        mv.addObject("message", messages.getMessage("error.validation", null, LocaleContextHolder.getLocale()) + "："
                + e.getConstraintViolations().stream().map(v -> ApiErrors.lastNode(v.getPropertyPath().toString())
                        + " " + v.getMessage()).sorted().collect(java.util.stream.Collectors.joining("；")));
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
