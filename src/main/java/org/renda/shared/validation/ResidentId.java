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
import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An 18-character resident identity number (GB 11643-1999): six digits of region code (not starting with 0;
 * 8x are the residence permits of Hong Kong, Macao and Taiwan residents, 9x foreigners' permanent residence), a
 * real birth date from 1900 to today, a sequence number and the ISO 7064 MOD 11-2 check character (0–9 or
 * X, also accepted as lower-case x). Empty or null is valid.
 */
@Documented
@Constraint(validatedBy = ResidentId.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface ResidentId {

    String message() default "{validation.residentId}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator bean validation calls. */
    final class Validator implements ConstraintValidator<ResidentId, String> {

        /** The rule itself, for code that checks a number outside bean validation (imports). */
        public static boolean accepts(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return true;
            }
            String v = value.strip();
            if (v.length() != 18 || v.charAt(0) == '0') {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                sum += (c - '0') * WEIGHTS[i];
            }
            char check = Character.toUpperCase(v.charAt(17));
            if (check != CHECK.charAt(sum % 11)) {
                return false;
            }
            try {
                LocalDate birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                        Integer.parseInt(v.substring(12, 14)));
                return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
            } catch (DateTimeException e) {
                return false;
            }
        }

        /** 2^(17-i) mod 11 for the 17 digits. */
        static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        /** The check character for each remainder of the weighted sum. */
        static final String CHECK = "10X98765432";

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return accepts(value);
        }
    }
}
