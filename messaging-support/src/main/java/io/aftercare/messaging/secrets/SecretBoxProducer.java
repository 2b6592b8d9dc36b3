package io.aftercare.messaging.secrets;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's {@link SecretBox}, from {@code aftercare.secrets.current} and {@code aftercare.secrets.keys}
 * ({@code id:base64[,id:base64...]}). The prod profile has no default for either: a deployment without its keys stops at
 * start and names the variable, rather than sealing with a key published in the repository.
 */
@Singleton
public class SecretBoxProducer {

    private final SecretBox box;

    public SecretBoxProducer(@ConfigProperty(name = "aftercare.secrets.current") String current,
            @ConfigProperty(name = "aftercare.secrets.keys") String keys) {
        this.box = SecretBox.of(current, keys);
    }

    @Produces
    @Singleton
    SecretBox secretBox() {
        return box;
    }
}
