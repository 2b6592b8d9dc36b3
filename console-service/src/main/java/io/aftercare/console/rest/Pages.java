package io.aftercare.console.rest;

import java.util.List;

import io.aftercare.console.ConsoleUser;
import io.aftercare.console.service.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages ({@code templates/pages/}), type-checked when the service is built. */
@CheckedTemplate(basePath = "pages")
public class Pages {

    public static native TemplateInstance signIn(String lang, String email, String error, String notice);

    public static native TemplateInstance home(String lang, Person person);

    public static native TemplateInstance users(String lang, Person person, List<ConsoleUser> users, String notice,
            List<String> errors, String email, String displayName);

    public static native TemplateInstance link(String lang, String token, String email, String error);

    public static native TemplateInstance linkInvalid(String lang);
}
