package io.aftercare.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.aftercare.console.service.PasswordPolicy.Refusal;

/** The password policy on its own: each refusal, and passwords it lets through. */
class PasswordPolicyTest {

    private static final String EMAIL = "maria.lopez@clinic.example";

    private final PasswordPolicy policy = new PasswordPolicy(12, 128);

    @Test
    void fewerThanTwelveCharactersAreRefused() {
        assertThat(policy.check("Tu1ip-orbit", EMAIL)).contains(Refusal.TOO_SHORT);
        assertThat(policy.check("", EMAIL)).contains(Refusal.TOO_SHORT);
        assertThat(policy.check(null, EMAIL)).contains(Refusal.TOO_SHORT);
        assertThat(policy.check("Tu1ip-orbit!", EMAIL)).isEmpty();
    }

    @Test
    void moreThan128CharactersAreRefused() {
        assertThat(policy.check("harbour-".repeat(16) + "x", EMAIL)).contains(Refusal.TOO_LONG);
        assertThat(policy.check("harbour-".repeat(16), EMAIL)).isEmpty();
    }

    @Test
    void commonPasswordsAreRefusedAsTheyAreRepeatedOrPadded() {
        // On the list itself (12 characters or more).
        assertThat(policy.check("1qaz2wsx3edc", EMAIL)).contains(Refusal.COMMON);
        assertThat(policy.check("qwertyuiop123", EMAIL)).contains(Refusal.COMMON);
        // A common one, padded with digits and punctuation, in any case.
        assertThat(policy.check("Password123456", EMAIL)).contains(Refusal.COMMON);
        assertThat(policy.check("!!Dragon2024!!", EMAIL)).contains(Refusal.COMMON);
        // Repeated.
        assertThat(policy.check("monkeymonkeymonkey", EMAIL)).contains(Refusal.COMMON);
        // Mostly one character.
        assertThat(policy.check("aaaaaaaaaaaaaaaa", EMAIL)).contains(Refusal.COMMON);
        assertThat(policy.check("121212121212", EMAIL)).contains(Refusal.COMMON);
    }

    @Test
    void aPasswordHoldingTheEmailsNameIsRefused() {
        assertThat(policy.check("Maria.Lopez-summer-88", EMAIL)).contains(Refusal.CONTAINS_EMAIL);
        assertThat(policy.check("violet-harbour-lantern", EMAIL)).isEmpty();
    }

    @Test
    void theListIsShippedAndLarge() {
        // A few thousand entries: a short common password padded to length is recognised.
        for (String common : new String[]{"sunshine", "iloveyou", "princess", "football", "baseball"}) {
            assertThat(policy.check(common + "12345678", EMAIL)).as(common).isEqualTo(Optional.of(Refusal.COMMON));
        }
    }
}
