package io.aftercare.notification.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.notification.ConsoleMessage;
import io.aftercare.notification.repository.ConsoleMessageRepository;
import io.aftercare.notification.security.Masking;
import io.quarkus.arc.lookup.LookupIfProperty;

/** The SMS provider of local runs: records each message and logs it (number masked) instead of texting anyone. */
@ApplicationScoped
@LookupIfProperty(name = "aftercare.sms.provider", stringValue = "console", lookupIfMissing = true)
public class ConsoleSmsProvider implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(ConsoleSmsProvider.class);

    private final Clock clock;
    private final ConsoleMessageRepository messages;

    public ConsoleSmsProvider(Clock clock, ConsoleMessageRepository messages) {
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "console";
    }

    /** In a transaction of its own, as a real provider's store would be: its record stands whatever the caller does. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SendResult send(String to, String body, String reference) {
        ConsoleMessage message = new ConsoleMessage(UUID.randomUUID(), to, body, reference, clock.instant());
        messages.insert(message);
        // The body names the patient, so it stays out of the log; /v1/console/messages shows it.
        LOG.infof("SMS to %s (%d chars), reference %s", Masking.phone(to), body.length(), reference);
        return new SendResult.Sent("console-" + message.id());
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> findSent(String to, String body, Instant since, String reference) {
        return messages.sent(reference, to)
                .map(message -> "console-" + message.id());
    }
}
