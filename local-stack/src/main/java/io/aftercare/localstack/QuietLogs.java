package io.aftercare.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The embedded broker and database log every step at INFO; people and tests want their warnings only. */
public final class QuietLogs {

    private static final List<String> CATEGORIES = List.of("kafka", "org.apache.kafka", "io.zonky", "com.icegreen",
            "state.change.logger");
    // JUL holds loggers weakly; a collected logger would forget its level.
    private static final List<Logger> HELD = new ArrayList<>();

    private QuietLogs() {
    }

    public static synchronized void apply() {
        if (HELD.isEmpty()) {
            for (String category : CATEGORIES) {
                Logger logger = Logger.getLogger(category);
                logger.setLevel(Level.WARNING);
                HELD.add(logger);
            }
        }
    }
}
