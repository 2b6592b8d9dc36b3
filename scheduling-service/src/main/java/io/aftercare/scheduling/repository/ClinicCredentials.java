package io.aftercare.scheduling.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.ClinicCredential;

/** The clinics' API keys, as stored: a SHA-256 of each secret, never the secret. */
@ApplicationScoped
public class ClinicCredentials {

    private static final String COLUMNS = "key_id, clinic_id, secret_sha256, created_at, revoked_at";

    private final Jdbc jdbc;

    public ClinicCredentials(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The clinic's keys, revoked ones too, oldest first. */
    public List<ClinicCredential> of(String clinicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clinic_credential WHERE clinic_id = :clinic ORDER BY created_at")
                .set("clinic", clinicId)
                .list(ClinicCredentials::read);
    }

    public Optional<ClinicCredential> find(String keyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clinic_credential WHERE key_id = :key")
                .set("key", keyId)
                .first(ClinicCredentials::read);
    }

    public void insert(ClinicCredential credential) {
        jdbc.sql("""
                INSERT INTO clinic_credential (key_id, clinic_id, secret_sha256, created_at, revoked_at)
                VALUES (:key, :clinic, :secret, :createdAt, :revokedAt)
                """)
                .set("key", credential.keyId())
                .set("clinic", credential.clinicId())
                .set("secret", credential.secretSha256())
                .set("createdAt", credential.createdAt())
                .set("revokedAt", credential.revokedAt())
                .update();
    }

    /**
     * Marks a live key revoked at {@code at}; one already revoked keeps its time, also when another revocation
     * committed in between (the row's lock makes this statement wait for it, then find the key revoked).
     *
     * @return the time the key is revoked from, as stored
     */
    public Instant revoke(String keyId, Instant at) {
        int changed = jdbc
                .sql("UPDATE clinic_credential SET revoked_at = :at WHERE key_id = :key AND revoked_at IS NULL")
                .set("at", at)
                .set("key", keyId)
                .update();
        return changed == 1 ? at : find(keyId).map(ClinicCredential::revokedAt).orElseThrow();
    }

    private static ClinicCredential read(ResultSet rows) throws SQLException {
        return new ClinicCredential(rows.getString("key_id"), rows.getString("clinic_id"),
                rows.getBytes("secret_sha256"), Jdbc.instant(rows, "created_at"), Jdbc.instant(rows, "revoked_at"));
    }
}
