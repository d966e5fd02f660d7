package org.renda.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mainland China phone number: a mobile number (11 digits from 13 to 19, optionally after +86 or 0086), a
 * landline with its area code (0 and 2–3 digits, then 7–8 digits, an optional extension), a local number of
 * 7–8 digits, or a 400/800 service number. Spaces and hyphens between groups are allowed. Empty or null is
 * valid (add {@code @NotBlank} where the number is required).
 */
@Documented
@Constraint(validatedBy = ChinesePhone.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface ChinesePhone {

    String message() default "{validation.phone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator bean validation calls. */
    final class Validator implements ConstraintValidator<ChinesePhone, String> {

        /** The rule itself, for code that checks a number outside bean validation (imports). */
        public static boolean accepts(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return true;
            }
            String v = value.strip();
            if (v.length() > 24) {
                return false;
            }
            String compact = v.replace(" ", "");
            return MOBILE.matcher(compact).matches() || LANDLINE.matcher(compact).matches()
                    || LOCAL.matcher(compact).matches() || SERVICE.matcher(compact).matches();
        }

        static final Pattern MOBILE = Pattern.compile("(?:\\+86-?|0086-?)?1[3-9]\\d-?\\d{4}-?\\d{4}");
        static final Pattern LANDLINE = Pattern.compile("(?:\\(0\\d{2,3}\\)|0\\d{2,3}-?)[2-9]\\d{6,7}(?:-\\d{1,6})?");
        static final Pattern LOCAL = Pattern.compile("[2-9]\\d{6,7}");
        static final Pattern SERVICE = Pattern.compile("[48]00-?\\d{3}-?\\d{4}");

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return accepts(value);
        }
    }
}
