package org.renda.shared.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.renda.shared.DomainException;
import org.renda.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.TypeMismatchException;
import org.springframework.stereotype.Component;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every page controller tells the user after a form post: Post/Redirect/Get with a flash message in
 * the user's language. A record outside the actor's reach still answers 404, never a flash message.
 */
@Component
public class Feedback {

    private final MessageSource messages;

    Feedback(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    public String text(DomainException e) {
        return text(e.messageKey(), e.args());
    }

    /** Runs the action; flashes its success message or its domain error; redirects to {@code target}. */
    public String redirect(RedirectAttributes redirect, String target, Runnable action, String successKey) {
        try {
            action.run();
            redirect.addFlashAttribute("success", text(successKey));
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", text(e));
        } catch (ConstraintViolationException e) {
            redirect.addFlashAttribute("failure", text(e));
        }
        return "redirect:" + target;
    }

    /**
     * Runs an action that answers where to go next (e.g. the page of what it created) and the success message;
     * on a domain error flashes it and goes to {@code failureTarget}. A missing record still answers 404.
     */
    public String redirect(RedirectAttributes redirect, String failureTarget,
            java.util.function.Supplier<Next> action) {
        try {
            Next next = action.get();
            redirect.addFlashAttribute("success", text(next.messageKey(), next.args()));
            return "redirect:" + next.target();
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", text(e));
            return "redirect:" + failureTarget;
        } catch (ConstraintViolationException e) {
            redirect.addFlashAttribute("failure", text(e));
            return "redirect:" + failureTarget;
        }
    }

    /**
     * A form field's label in the user's language ({@code field.<name>} in the bundles), or the name itself.
     * Page errors name fields by their label, never by the Java name.
     */
    public String label(String field) {
        String name = field;
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        int bracket = name.indexOf('[');
        if (bracket > 0) {
            name = name.substring(0, bracket);
        }
        return messages.getMessage("field." + name, null, name, LocaleContextHolder.getLocale());
    }

    /** A facade's bean validation failed: each field's label and what is wrong with it, in a stable order. */
    public String text(ConstraintViolationException e) {
        return text("error.validation.fields", e.getConstraintViolations().stream()
                .map(v -> text("error.field", label(v.getPropertyPath().toString()), v.getMessage()))
                .sorted().distinct().collect(Collectors.joining("；")));
    }

    /**
     * A value that is not of its field's type (an impossible date, letters in a number), naming the field:
     * "日期「接待日期」无效：2026-02-30".
     */
    public String typeMismatch(String field, @Nullable Object value, @Nullable Class<?> type) {
        String kind = type == null ? "" : type == LocalDate.class ? ".date"
                : type == LocalDateTime.class || type == LocalTime.class ? ".time"
                : Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class) ? ".number"
                : type.isEnum() ? ".choice" : "";
        String shown = value instanceof String[] array ? String.join(",", array) : String.valueOf(value);
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "…";
        }
        return text("error.typeMismatch" + kind, label(field), shown);
    }

    /** One binding error of a form: a type mismatch or a failed constraint, with the field's label. */
    public String text(FieldError e) {
        if (e.isBindingFailure()) {
            Class<?> type = null;
            if (e.contains(TypeMismatchException.class)) {
                type = e.unwrap(TypeMismatchException.class).getRequiredType();
            }
            return typeMismatch(e.getField(), e.getRejectedValue(), type);
        }
        return text("error.field", label(e.getField()), e.getDefaultMessage() == null ? "" : e.getDefaultMessage());
    }

    /**
     * The one form shape. A page binds its form record with {@code @Valid @ModelAttribute} and hands its
     * {@link BindingResult} here: with binding errors, or when the action refuses (a domain rule, a facade's
     * constraint), the form page is rendered again with what the user typed and each error beside its field
     * (errors about no one field above the form, see {@code fragments/fields.html}); otherwise Post/Redirect/Get
     * to where the action says, with its success message. A record outside the actor's reach still answers 404.
     *
     * @param formPage fills the model the form page needs besides the form (choices, the record) and names the view
     */
    public String submit(BindingResult binding, RedirectAttributes redirect, Supplier<String> formPage,
            Supplier<Next> action) {
        if (binding.hasErrors()) {
            return formPage.get();
        }
        try {
            Next next = action.get();
            redirect.addFlashAttribute("success", text(next.messageKey(), next.args()));
            return "redirect:" + next.target();
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            refuse(binding, e);
        } catch (ConstraintViolationException e) {
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                String path = v.getPropertyPath().toString();
                String field = path.substring(path.lastIndexOf('.') + 1);
                if (hasField(binding, field)) {
                    binding.addError(new FieldError(binding.getObjectName(), field, v.getInvalidValue(), false,
                            null, null, v.getMessage()));
                } else {
                    binding.addError(new ObjectError(binding.getObjectName(),
                            text("error.field", label(path), v.getMessage())));
                }
            }
        }
        return formPage.get();
    }

    /** Adds a domain refusal to a form: beside its field when it names one of the form's fields, else above the form. */
    public void refuse(BindingResult binding, DomainException e) {
        String field = e.field();
        if (field != null && hasField(binding, field)) {
            binding.addError(new FieldError(binding.getObjectName(), field, null, false,
                    new String[] {e.messageKey()}, e.args(), text(e)));
        } else {
            binding.addError(new ObjectError(binding.getObjectName(), new String[] {e.messageKey()}, e.args(), text(e)));
        }
    }

    private static boolean hasField(BindingResult binding, String path) {
        // an entry of a map or list field ("points[S1]") belongs to the form when the field itself does
        int bracket = path.indexOf('[');
        String field = bracket > 0 ? path.substring(0, bracket) : path;
        Object target = binding.getTarget();
        if (target == null) {
            return false;
        }
        if (target.getClass().isRecord()) {
            return java.util.Arrays.stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
        }
        return org.springframework.beans.BeanUtils.getPropertyDescriptor(target.getClass(), field) != null;
    }

    /** An import: reads an uploaded file and answers the message that says what it did. */
    @FunctionalInterface
    public interface Import {
        String run() throws java.io.IOException;
    }

    /**
     * An Excel import page: runs the import and puts into the model its success message, or the refusal in the user's
     * language with each refused row's errors ({@code rowErrors}); nothing is half-imported (the importers are
     * transactional). A missing record (an organisation outside reach) still answers 404.
     */
    public void imported(org.springframework.ui.Model model, Import action) throws java.io.IOException {
        try {
            model.addAttribute("success", action.run());
        } catch (org.renda.shared.excel.ImportRejected e) {
            model.addAttribute("failure", text(e));
            model.addAttribute("rowErrors", e.errors());
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("failure", text(e));
        }
    }

    /** Where a successful form goes, and the message it shows there. */
    public record Next(String target, String messageKey, Object... args) {}
}
