package io.aftercare.console.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.FormParam;

import io.aftercare.console.client.SchedulingSettingsClient;

/**
 * The clinic profile's form: every field as typed (so that a refused form comes back as it was sent), read from and
 * turned into what scheduling stores. HELP texts in English and Spanish here; other languages of the profile are kept.
 */
public class ProfileForm {

    /** The service's field names (first segment) to the form's. */
    static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("timeZone", "timeZone"), Map.entry("locale", "locale"), Map.entry("phone", "phone"),
            Map.entry("sendWindow.start", "sendWindowStart"), Map.entry("sendWindow.end", "sendWindowEnd"),
            Map.entry("sendWindow", "sendWindowEnd"), Map.entry("sms.sender", "smsSender"),
            Map.entry("sms.messagesPerSecond", "smsRate"), Map.entry("sms", "smsSender"),
            Map.entry("emailSender", "emailSender"), Map.entry("alertEmail", "alertEmail"),
            Map.entry("consentBasis", "consentBasis"), Map.entry("helpTexts[en]", "helpEn"),
            Map.entry("helpTexts[es]", "helpEs"), Map.entry("helpTexts", "helpEn"));

    @FormParam("name")
    public String name;
    @FormParam("timeZone")
    public String timeZone;
    @FormParam("locale")
    public String locale;
    @FormParam("phone")
    public String phone;
    @FormParam("sendWindowStart")
    public String sendWindowStart;
    @FormParam("sendWindowEnd")
    public String sendWindowEnd;
    @FormParam("smsSender")
    public String smsSender;
    @FormParam("smsRate")
    public String smsRate;
    @FormParam("emailSender")
    public String emailSender;
    @FormParam("alertEmail")
    public String alertEmail;
    @FormParam("consentBasis")
    public String consentBasis;
    @FormParam("helpEn")
    public String helpEn;
    @FormParam("helpEs")
    public String helpEs;

    /** An empty form, for a clinic without a profile yet. */
    static ProfileForm empty() {
        ProfileForm form = new ProfileForm();
        form.consentBasis = "express-consent";
        return form;
    }

    static ProfileForm of(SchedulingSettingsClient.Profile profile) {
        ProfileForm form = new ProfileForm();
        form.name = profile.name();
        form.timeZone = profile.timeZone();
        form.locale = profile.locale();
        form.phone = profile.phone();
        form.sendWindowStart = profile.sendWindow() == null ? null : profile.sendWindow().start();
        form.sendWindowEnd = profile.sendWindow() == null ? null : profile.sendWindow().end();
        form.smsSender = profile.sms() == null ? null : profile.sms().sender();
        form.smsRate = profile.sms() == null ? null : String.valueOf(profile.sms().messagesPerSecond());
        form.emailSender = profile.emailSender();
        form.alertEmail = profile.alertEmail();
        form.consentBasis = profile.consentBasis();
        form.helpEn = profile.helpTexts() == null ? null : profile.helpTexts().get("en");
        form.helpEs = profile.helpTexts() == null ? null : profile.helpTexts().get("es");
        return form;
    }

    /**
     * What scheduling is asked to store; blank fields are left out (an optional part unset), and scheduling judges the
     * rest field by field.
     *
     * @param otherHelpTexts the stored HELP texts of languages this form does not show, kept
     */
    SchedulingSettingsClient.Settings toSettings(Map<String, String> otherHelpTexts) {
        Map<String, String> help = new LinkedHashMap<>(otherHelpTexts);
        help.remove("en");
        help.remove("es");
        if (!blank(helpEn)) {
            help.put("en", helpEn.strip());
        }
        if (!blank(helpEs)) {
            help.put("es", helpEs.strip());
        }
        SchedulingSettingsClient.Window window = blank(sendWindowStart) && blank(sendWindowEnd)
                ? null
                : new SchedulingSettingsClient.Window(trim(sendWindowStart), trim(sendWindowEnd));
        SchedulingSettingsClient.Sms sms = blank(smsSender) && blank(smsRate)
                ? null
                : new SchedulingSettingsClient.Sms(trim(smsSender), rate());
        return new SchedulingSettingsClient.Settings(trim(name), trim(timeZone), trim(locale), trim(phone), window,
                sms, trim(emailSender), trim(alertEmail), trim(consentBasis), help);
    }

    /** A rate that is not a whole number is sent as none, and scheduling says it is missing. */
    private Integer rate() {
        try {
            return blank(smsRate) ? null : Integer.valueOf(smsRate.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
