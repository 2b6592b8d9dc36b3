package io.aftercare.console.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's business settings: sessions, passwords, lockout and one-time links. */
@ConfigMapping(prefix = "aftercare.console")
public interface ConsoleConfig {

    /** Where people reach the console: the links in invitation emails start with it. */
    String baseUrl();

    Sessions sessions();

    Passwords passwords();

    Lockout lockout();

    Links links();

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
}
