package io.aftercare.console.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's business settings: sessions, passwords, lockout, one-time links and person tokens. */
@ConfigMapping(prefix = "aftercare.console")
public interface ConsoleConfig {

    /** Where people reach the console: the links in invitation emails start with it. */
    String baseUrl();

    Sessions sessions();

    Passwords passwords();

    Lockout lockout();

    Links links();

    PersonTokenSettings tokens();

    interface Sessions {

        /** A session unused this long is over. */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** A session is over this long after sign-in, however busy. */
        @WithDefault("PT12H")
        Duration absoluteTimeout();
    }

    interface Passwords {

        @WithDefault("12")
        int minLength();

        @WithDefault("128")
        int maxLength();

        /** bcrypt's cost: 2^cost rounds. 12 takes some 250 ms on a current core. */
        @WithDefault("12")
        int bcryptCost();
    }

    interface Lockout {

        /** Failed sign-ins in a row that lock the account. */
        @WithDefault("5")
        int failures();

        /** The first lock; each further failure doubles it. */
        @WithDefault("PT1M")
        Duration first();

        /** The longest lock. */
        @WithDefault("PT1H")
        Duration longest();
    }

    interface Links {

        /** How long an invitation or reset link works (once). */
        @WithDefault("PT72H")
        Duration validity();
    }

    /** The short-lived tokens with which the console calls the other services on a person's behalf. */
    interface PersonTokenSettings {

        /**
         * The RSA private key (PEM, PKCS#8) that signs them; the services hold its public key. Required in
         * production; a dev or test run without one makes a key of its own at start.
         */
        Optional<String> privateKey();

        /** How long a token is good for: one call, with room for clocks a few seconds apart. */
        @WithDefault("PT60S")
        Duration lifetime();
    }
}
