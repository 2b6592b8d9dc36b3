package io.aftercare.contracts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.aftercare.contracts.stray.ReminderDue;

class EventRecordsTest {

    @Test
    void anEventRecordOutsideTheEventsModuleBreaksTheRule() {
        assertThatThrownBy(() -> EventRecords.definedOnlyInTheEventsModule()
                .check(new ClassFileImporter().importClasses(ReminderDue.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ReminderDue.class.getName());
    }

    @Test
    void classesNamedOtherwiseKeepIt() {
        assertThatCode(() -> EventRecords.definedOnlyInTheEventsModule()
                .check(new ClassFileImporter().importClasses(Contract.class, EventRecordsTest.class)))
                .doesNotThrowAnyException();
    }
}
