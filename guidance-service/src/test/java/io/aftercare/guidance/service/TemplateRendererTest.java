package io.aftercare.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Templates with and without optional parts and placeholders: the ones without skip the regex and read the same. */
class TemplateRendererTest {

    private static final Map<String, String> VALUES = Map.of("firstName", "Ana", "clinicPhone", "+34600111222",
            "blank", " ");

    @Test
    void aTemplateWithNeitherBracketsNorPlaceholdersIsItself() {
        assertThat(TemplateRenderer.render("Rest tonight. Reply STOP to opt out.", VALUES))
                .isEqualTo("Rest tonight. Reply STOP to opt out.");
        assertThat(TemplateRenderer.render("", VALUES)).isEmpty();
    }

    @Test
    void anOptionalPartWithoutPlaceholdersLosesOnlyItsBrackets() {
        assertThat(TemplateRenderer.render("Call us[ today].", VALUES)).isEqualTo("Call us today.");
        assertThat(TemplateRenderer.render("Odd ] and [ alone", VALUES)).isEqualTo("Odd ] and [ alone");
    }

    @Test
    void placeholdersAreFilledAndOptionalPartsKeptOnlyWhenComplete() {
        assertThat(TemplateRenderer.render("Hi {firstName}, {unknown} stays", VALUES))
                .isEqualTo("Hi Ana, {unknown} stays");
        assertThat(TemplateRenderer.render("Call us[ on {clinicPhone}].", VALUES))
                .isEqualTo("Call us on +34600111222.");
        assertThat(TemplateRenderer.render("Call us[ on {phone}].", VALUES)).isEqualTo("Call us.");
        assertThat(TemplateRenderer.render("Call us[ on {blank}].", VALUES)).isEqualTo("Call us.");
        assertThat(TemplateRenderer.render("{firstName} pays $1 \\ 2", VALUES)).isEqualTo("Ana pays $1 \\ 2");
    }
}
