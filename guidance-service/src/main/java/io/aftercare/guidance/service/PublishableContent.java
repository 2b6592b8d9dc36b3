package io.aftercare.guidance.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.problem.Problem.FieldError;

/**
 * What content must be to become a published version: valid ({@link ContentValidator}), and then, since plans are only
 * worth computing from valid content, giving plans that keep the budget and every rule ({@link PlanChecks}).
 */
@ApplicationScoped
public class PublishableContent {

    private final ContentValidator validator;
    private final PlanChecks planChecks;

    public PublishableContent(ContentValidator validator, PlanChecks planChecks) {
        this.validator = validator;
        this.planChecks = planChecks;
    }

    /** @return every fault, by field; none when the content may be published */
    public List<FieldError> problems(ProtocolContent content) {
        List<FieldError> errors = validator.validateProtocol(content);
        return errors.isEmpty() ? planChecks.check("rules", content) : errors;
    }
}
