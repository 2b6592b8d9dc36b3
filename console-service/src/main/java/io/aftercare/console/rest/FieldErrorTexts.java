package io.aftercare.console.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field errors a page shows, in the page's language. A service's problem+json names each field with an English
 * message and nothing else (rest-problems' {@code Problem.FieldError} carries no code or constraint name), so the
 * console translates by this explicit table: the messages that the endpoints behind its forms actually produce
 * (scheduling's profile, webhook and plan-preview validation, with Bean Validation's defaults and outbound-http's URL
 * refusals; rest-problems' JSON shape errors) and the console's own. Parameterised ones (a size, a limit, a regular
 * expression, an address kind) are matched by pattern. A message not in the table stays English: better English
 * than no error at all. A message changed in a service falls back to English the same way until it is added here.
 */
final class FieldErrorTexts {

    /** An English message with parameters, and its Spanish made from the parts it matched. */
    private record Parameterised(Pattern english, Function<MatchResult, String> spanish) {

        static Parameterised of(String english, String spanish) {
            return new Parameterised(Pattern.compile(english), match -> expand(spanish, match));
        }
    }

    private static final Map<String, String> SPANISH = Map.ofEntries(
            // Bean Validation's defaults, as Hibernate Validator words them in English and Spanish.
            Map.entry("must not be blank", "no puede estar vacío"),
            Map.entry("must not be empty", "no puede estar vacío"),
            Map.entry("must not be null", "es obligatorio"),
            Map.entry("must be true", "debe ser verdadero"),
            Map.entry("must be a well-formed email address",
                    "debe ser una dirección de correo electrónico con formato correcto"),
            // scheduling: the clinic profile (ClinicProfileRequest and its constraints).
            Map.entry("must fit the texts: at most 24 characters",
                    "debe caber en los mensajes: como mucho 24 caracteres"),
            Map.entry("must be an IANA time zone such as Europe/London",
                    "debe ser una zona horaria IANA, como Europe/Madrid"),
            Map.entry("must be a language tag such as en or es-MX", "debe ser una etiqueta de idioma, como es o es-MX"),
            Map.entry("must be a valid phone number in E.164 form, such as +447911123456",
                    "debe ser un teléfono válido en formato E.164, como +34912345678"),
            Map.entry("must be a time of day as HH:mm", "debe ser una hora del día como HH:mm"),
            Map.entry("must end after it starts", "debe terminar después de empezar"),
            Map.entry("must be an E.164 number or a Messaging Service SID (MG and 32 hex digits)",
                    "debe ser un número E.164 o un Messaging Service SID (MG y 32 dígitos hexadecimales)"),
            // scheduling: webhook endpoints (ClinicSettingsResource, ClinicSettings) and outbound-http's refusals.
            Map.entry("must be an http or https URL", "debe ser una URL http o https"),
            Map.entry("must be an https URL", "debe ser una URL https"),
            Map.entry("must be a URL", "debe ser una URL"),
            Map.entry("must be a URL we may call", "debe ser una URL a la que podamos llamar"),
            Map.entry("must name a host", "debe nombrar un host"),
            Map.entry("must not carry a user name or password; use the secret or authorization field",
                    "no debe llevar usuario ni contraseña; usa el secreto o el campo de autorización"),
            Map.entry("must write an IPv4 address as four decimal numbers (no shortened, octal or hex forms)",
                    "debe escribir una dirección IPv4 como cuatro números decimales (sin formas abreviadas, octales"
                            + " ni hexadecimales)"),
            Map.entry("must be one of delivery.failed, patient.replied, patient.opted-out, reply.urgent",
                    "debe ser uno de delivery.failed, patient.replied, patient.opted-out, reply.urgent"),
            Map.entry("is already an endpoint of this clinic", "ya es un endpoint de esta clínica"),
            // scheduling: the plan preview (PlanPreviewResource).
            Map.entry("has no protocol", "no tiene protocolo"),
            Map.entry("must be an ISO-8601 date-time with offset",
                    "debe ser una fecha y hora ISO-8601 con desfase horario"),
            // rest-problems: a body of the wrong JSON shape (ProblemMappers).
            Map.entry("must be one of the accepted values (a JSON string)",
                    "debe ser uno de los valores aceptados (una cadena JSON)"),
            Map.entry("must be true or false", "debe ser true o false"),
            Map.entry("must be a JSON number", "debe ser un número JSON"),
            Map.entry("has the wrong type or format", "tiene un tipo o un formato incorrecto"),
            // The console's own: the invite form (People) and the plan preview's time (SettingsResource).
            Map.entry("must be an email address", "debe ser una dirección de correo electrónico"),
            Map.entry("must be 1 to 100 characters", "debe tener de 1 a 100 caracteres"),
            Map.entry("must be staff or clinic-admin", "debe ser personal o administración de la clínica"),
            Map.entry("is already in use", "ya está en uso"),
            Map.entry("must be a date and time", "debe ser una fecha y una hora"));

    /** outbound-http's kinds of address that are not the public internet ({@code AddressRanges.Kind}). */
    private static final Map<String, String> ADDRESS_KINDS = Map.of("loopback", "de loopback", "unspecified",
            "no especificada", "link-local", "de enlace local", "private", "privada", "carrier-grade NAT",
            "de NAT de operador", "unique-local", "local única", "multicast", "multicast", "reserved", "reservada");

    private static final List<Parameterised> SPANISH_PARAMETERISED = List.of(
            Parameterised.of("size must be between (\\d+) and (\\d+)", "el tamaño debe estar entre {1} y {2}"),
            Parameterised.of("must be greater than or equal to (-?\\d+)", "debe ser mayor o igual que {1}"),
            Parameterised.of("must be less than or equal to (-?\\d+)", "debe ser menor o igual que {1}"),
            Parameterised.of("must match \"(.*)\"", "debe coincidir con \"{1}\""),
            Parameterised.of("a clinic has at most (\\d+) endpoints; remove one first",
                    "una clínica tiene como mucho {1} endpoints; quita uno antes"),
            new Parameterised(Pattern.compile("must not be an? (.+) address"),
                    match -> addressKind(match, "no debe ser una dirección ")),
            new Parameterised(Pattern.compile("must not name a host that resolves to an? (.+) address"),
                    match -> addressKind(match, "no debe nombrar un host que resuelve a una dirección ")));

    private FieldErrorTexts() {
    }

    /** The message in {@code language} ({@code en} or {@code es}); unknown to the table, the message as it came. */
    static String in(String language, String message) {
        if (!"es".equals(language) || message == null) {
            return message;
        }
        String exact = SPANISH.get(message);
        if (exact != null) {
            return exact;
        }
        for (Parameterised rule : SPANISH_PARAMETERISED) {
            Matcher matcher = rule.english().matcher(message);
            if (matcher.matches()) {
                String spanish = rule.spanish().apply(matcher.toMatchResult());
                return spanish == null ? message : spanish;
            }
        }
        return message;
    }

    /** {@code {n}} in the Spanish replaced by the n-th group, literally (a regular expression may hold {@code $}). */
    private static String expand(String spanish, MatchResult match) {
        String text = spanish;
        for (int group = 1; group <= match.groupCount(); group++) {
            text = text.replace("{" + group + "}", match.group(group));
        }
        return text;
    }

    /** Null (English kept) for a kind the table does not know. */
    private static String addressKind(MatchResult match, String spanishStart) {
        String kind = ADDRESS_KINDS.get(match.group(1));
        return kind == null ? null : spanishStart + kind;
    }
}
