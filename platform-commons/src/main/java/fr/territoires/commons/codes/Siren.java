package fr.territoires.commons.codes;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A SIREN: 9 digits with a valid Luhn key (null is left to {@code @NotNull}). The message names the rule broken. */
@Documented
@Constraint(validatedBy = Siren.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Siren {

    String message() default "must be a SIREN: 9 digits with a valid Luhn key";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Siren, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var problem = OfficialCodes.sirenProblem(value);
            problem.ifPresent(p -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(p).addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
