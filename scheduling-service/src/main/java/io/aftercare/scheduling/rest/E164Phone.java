package io.aftercare.scheduling.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A phone number in canonical E.164 form that libphonenumber recognises as valid; null passes. */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = E164Phone.Validator.class)
public @interface E164Phone {

    String message() default "must be a valid phone number in E.164 form, such as +447911123456";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<E164Phone, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PhoneNumbers.isValidE164(value);
        }
    }
}
