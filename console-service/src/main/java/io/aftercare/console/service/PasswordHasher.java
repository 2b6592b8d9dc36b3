package io.aftercare.console.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.console.config.ConsoleConfig;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * bcrypt through Quarkus' Elytron support: a fresh random salt per hash, the cost in the stored value
 * ({@code $2a$12$...}), so raising the cost later leaves stored hashes readable. bcrypt reads the first 72 bytes of a
 * password; the policy allows 128 characters, and the bytes past 72 add nothing (said in docs/console.md).
 */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    /** Checked against when there is no real hash, so that an unknown email costs as long as a wrong password. */
    private volatile String decoy;

    public PasswordHasher(ConsoleConfig config) {
        this.cost = config.passwords().bcryptCost();
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            spendTheTime(password);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    /** As long as a real check, for nothing. */
    public void spendTheTime(String password) {
        if (decoy == null) {
            decoy = BcryptUtil.bcryptHash(Tokens.random(), cost);
        }
        BcryptUtil.matches(password, decoy);
    }
}
