package io.aftercare.notification.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.ConsoleMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The console provider's outbox: what patients would have received on a local run. */
@ApplicationScoped
public class ConsoleMessageRepository implements PanacheRepositoryBase<ConsoleMessage, UUID> {

    /** The newest messages, at most {@code limit}. */
    public List<ConsoleMessage> latest(int limit) {
        return findAll(Sort.descending("sentAt")).page(Page.ofSize(limit)).list();
    }

    /** The message sent under our reference to this number, if any. */
    public Optional<ConsoleMessage> sent(String reference, String to) {
        return find("reference = ?1 and recipient = ?2", reference, to).firstResultOptional();
    }
}
