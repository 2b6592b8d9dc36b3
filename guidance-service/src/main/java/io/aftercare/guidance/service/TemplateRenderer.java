package io.aftercare.guidance.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders. A part in square brackets is kept only when every placeholder in it has a value
 * ({@code call us[ on {clinicPhone}]}), so a sentence reads well whether or not a clinic gave its number.
 */
public final class TemplateRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");

    private TemplateRenderer() {
    }

    public static String render(String template, Map<String, String> values) {
        // Most pieces (a sign-off, an opt-out, many tips) have no optional part or no placeholder: no regex for them.
        String kept = template.indexOf('[') < 0 ? template : withOptionalParts(template, values);
        return kept.indexOf('{') < 0 ? kept : filled(kept, values);
    }

    /** Keeps each optional part whose placeholders all have a value, without its brackets; drops the others. */
    private static String withOptionalParts(String template, Map<String, String> values) {
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            Matcher inside = PLACEHOLDER.matcher(optional.group(1));
            boolean complete = true;
            while (inside.find()) {
                String value = values.get(inside.group(1));
                complete &= value != null && !value.isBlank();
            }
            optional.appendReplacement(kept, Matcher.quoteReplacement(complete ? optional.group(1) : ""));
        }
        optional.appendTail(kept);
        return kept.toString();
    }

    private static String filled(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The placeholders a template uses that the given names do not cover. */
    public static Set<String> unknownPlaceholders(String template, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!known.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }
}
