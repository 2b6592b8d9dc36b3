package io.aftercare.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The events the services exchange are defined once, in the events module ({@code io.aftercare.events}): a service's
 * own record of one would drift from the other side's, as the three copies per event once did.
 */
public final class EventRecords {

    /** The simple names of the event records; a contract in {@link Contract} has one each, the plan aside. */
    public static final Set<String> NAMES = Set.of("ReminderDue", "ClinicProfileChanged", "NotificationStatus",
            "PatientReplied", "RecipientPreferenceChanged", "ProtocolPublished", "CredentialRevoked",
            "PatientReplyHandled");

    public static final String PACKAGE = "io.aftercare.events";

    private EventRecords() {
    }

    public static ArchRule definedOnlyInTheEventsModule() {
        return noClasses().that(namedLikeAnEvent())
                .should().resideOutsideOfPackage(PACKAGE)
                .because("each event is defined once, in the events module, for its producer and its consumers")
                // A service with no copy has nothing named so: that is the rule kept, not a rule that checked nothing.
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> namedLikeAnEvent() {
        return DescribedPredicate.describe("are named like an event " + NAMES,
                javaClass -> NAMES.contains(javaClass.getSimpleName()));
    }
}
