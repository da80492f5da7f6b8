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

/** A SIRET: 14 digits with a valid Luhn key, La Poste exception (null is left to {@code @NotNull}). The message names the rule broken. */
@Documented
@Constraint(validatedBy = Siret.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Siret {

    String message() default "must be a SIRET: 14 digits with a valid Luhn key (La Poste: digit sum a multiple of 5)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Siret, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var problem = OfficialCodes.siretProblem(value);
            problem.ifPresent(p -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(p).addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
