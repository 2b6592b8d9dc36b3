package io.aftercare.scheduling.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.aftercare.outbound.OutboundPolicy;

/**
 * A URL we may call for the clinic under the outbound policy: https (http only where a local run allows it), and a
 * host that neither is nor resolves to an internal address. The field error says which rule it broke; it is checked
 * again at every connection. Null passes.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = OutboundUrl.Validator.class)
public @interface OutboundUrl {

    String message() default "must be a URL we may call";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class Validator implements ConstraintValidator<OutboundUrl, String> {

        private final OutboundPolicy policy;

        public Validator(OutboundPolicy policy) {
            this.policy = policy;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return policy.refusal(value).map(why -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(why.replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
