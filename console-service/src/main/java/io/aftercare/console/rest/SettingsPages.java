package io.aftercare.console.rest;

import java.util.List;

import io.aftercare.console.ConsoleUser;
import io.aftercare.console.client.NotificationSettingsClient;
import io.aftercare.console.client.SchedulingSettingsClient;
import io.aftercare.console.service.AuditMerge;
import io.aftercare.console.service.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages of a clinic's settings, its audit trail and the operator's view ({@code templates/pages/}). */
@CheckedTemplate(basePath = "pages")
public class SettingsPages {

    public static native TemplateInstance settings(String lang, Person person, ProfileForm form, FieldErrors errors,
            String notice, boolean hasProfile);

    public static native TemplateInstance planPreview(String lang, Person person, String treatment, String endsAt,
            SchedulingSettingsClient.Preview preview, FieldErrors errors);

    public static native TemplateInstance webhooks(String lang, Person person,
            List<SchedulingSettingsClient.Webhook> webhooks, List<NotificationSettingsClient.Message> messages,
            String nextCursor, SchedulingSettingsClient.IssuedWebhook issued, String notice, FieldErrors errors,
            String url);

    public static native TemplateInstance keys(String lang, Person person, List<SchedulingSettingsClient.Key> keys,
            SchedulingSettingsClient.IssuedKey issued, String notice);

    /** @param unavailable the trails that could not be read now, or null */
    public static native TemplateInstance audit(String lang, Person person, List<AuditRow> rows, String nextCursor,
            String unavailable);

    public static native TemplateInstance operatorClinic(String lang, String clinicId, List<ConsoleUser> people,
            List<AuditRow> rows);

    public static native TemplateInstance unavailable(String lang, String service);

    /** One line of the audit page: when, who (a person's name when the actor is one), what, how it ended, where. */
    public record AuditRow(String at, String trail, String actor, String role, String action, String resource,
            int status, String source) {

        static AuditRow of(AuditMerge.Row row, String actorName) {
            var entry = row.entry();
            return new AuditRow(entry.at().toString(), row.trail(), actorName, entry.role(), entry.action(),
                    entry.resource(), entry.status(), entry.source() == null ? "" : entry.source());
        }
    }
}
