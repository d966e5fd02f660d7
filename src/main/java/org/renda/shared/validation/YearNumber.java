package org.renda.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A calendar year people work in, 1900 to 2100: what a year parameter (an archive, a roster, a ledger) may be
 * before it reaches {@code LocalDate.of}, which fails beyond ±999,999,999. Null is valid.
 */
@Documented
@Min(1900)
@Max(2100)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface YearNumber {

    String message() default "{validation.year}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
