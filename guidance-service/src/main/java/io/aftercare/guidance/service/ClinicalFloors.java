package io.aftercare.guidance.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aftercare.problem.Problem.FieldError;

/**
 * The shortest waits the source articles allow; a clinic may ask for longer, never shorter. "Avoid direct sun
 * exposure for at least 48 hours" and "avoid wearing any makeup for at least 24 hours" (Micro Needling Aftercare: How
 * to Soothe and Nourish Your Skin); "refrain from any heavy exercise ... for at least 24 to 48 hours" (What Is The
 * Best Aftercare For Your Skin After Microneedling?).
 */
public final class ClinicalFloors {

    static final Map<String, Integer> MINIMUM_HOURS = Map.of("sunAvoidanceHours", 48, "makeupAvoidanceHours", 24,
            "exerciseAvoidanceHours", 24);

    private ClinicalFloors() {
    }

    public static List<FieldError> check(String field, Map<String, Integer> parameters) {
        List<FieldError> errors = new ArrayList<>();
        MINIMUM_HOURS.forEach((name, floor) -> {
            Integer value = parameters.get(name);
            if (value != null && value < floor) {
                errors.add(new FieldError(field + "." + name, "must be at least " + floor
                        + " hours: the source articles advise no shorter wait"));
            }
        });
        return errors;
    }
}
