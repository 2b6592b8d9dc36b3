package io.aftercare.console.rest;

import java.util.Map;

import io.aftercare.console.model.BookingMatches;
import io.aftercare.console.model.PatientTimeline;
import io.aftercare.console.service.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The patient search and timeline pages ({@code templates/PatientPages/}), type-checked when the service is built. */
@CheckedTemplate(basePath = "PatientPages")
public class PatientPages {

    /**
     * @param matches null before a search
     * @param error a sentence for the person, or null
     * @param more the address of the next page of matches, or null
     */
    public static native TemplateInstance patients(String lang, Person person, String q, BookingMatches matches,
            String error, String more);

    public static native TemplateInstance timeline(String lang, Person person, PatientTimeline timeline,
            Map<String, String> labels);
}
