package io.aftercare.console.rest;

import io.aftercare.console.service.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The inbox's templates ({@code templates/inbox/}), type-checked when the service is built. */
@CheckedTemplate(basePath = "inbox")
public class InboxPages {

    public static native TemplateInstance list(String lang, Person person, InboxViews.ListView view);

    public static native TemplateInstance reply(String lang, Person person, InboxViews.ReplyView view);

    /** One reply's card alone: what the live script inserts. */
    public static native TemplateInstance card(String lang, Person person, ReplyCard card);

    public static native TemplateInstance problem(String lang, String message);
}
