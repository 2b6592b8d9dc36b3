package io.aftercare.console.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The inbox's words, in English here and in Spanish in {@code messages/inbox_es.properties}; templates read them as
 * {@code {inbox:key}}. A bundle of its own, beside {@link ConsoleMessages}, so that the pages of the console's other
 * parts grow without touching each other's words.
 */
@MessageBundle(value = "inbox", locale = "en")
public interface InboxMessages {

    @Message("Inbox")
    String title();

    @Message("Open")
    String open();

    @Message("Handled")
    String handled();

    @Message("Show")
    String filter();

    @Message("{count} open")
    String openCount(String count);

    @Message("Urgent")
    String urgent();

    @Message("Urgent: {count} urgent replies are open. Read them first.")
    String urgentBanner(String count);

    @Message("No replies here.")
    String empty();

    @Message("Patient")
    String patient();

    @Message("Number")
    String number();

    @Message("Booking")
    String booking();

    @Message("Check-in score")
    String score();

    @Message("of 5")
    String scoreOf();

    @Message("Received")
    String received();

    @Message("Handled by {name} at {at}")
    String handledBy(String name, String at);

    @Message("Assigned to {name} at {at}")
    String assignedTo(String name, String at);

    @Message("Not assigned")
    String unassigned();

    @Message("you")
    String you();

    @Message("Mark handled")
    String markHandled();

    @Message("Assign to me")
    String assignToMe();

    @Message("Read the conversation and answer")
    String openConversation();

    @Message("Conversation")
    String conversation();

    @Message("Sent to the patient")
    String sentToPatient();

    @Message("From the patient")
    String fromPatient();

    @Message("delivered")
    String statusDelivered();

    @Message("sent")
    String statusSent();

    @Message("not delivered")
    String statusNotDelivered();

    @Message("not sent")
    String statusNotSent();

    @Message("waiting to go")
    String statusWaiting();

    @Message("this reply")
    String thisReply();

    @Message("Your answer, by text")
    String answerLabel();

    @Message("The patient gets it as a text from the clinic's number. At most 459 characters.")
    String answerHint();

    @Message("Send the answer")
    String send();

    @Message("{characters} characters, {segments} SMS ({encoding})")
    String segments(String characters, String segments, String encoding);

    @Message("The answer is on its way to the patient.")
    String sent();

    @Message("The reply is marked handled.")
    String markedHandled();

    @Message("The reply is assigned to you.")
    String assigned();

    @Message("Write the answer first.")
    String answerBlank();

    @Message("The answer is too long: {characters} characters, at most 459.")
    String answerTooLong(int characters);

    @Message("The patient opted out of texts (STOP); they have to opt in again (START) before you can text them.")
    String optedOut();

    @Message("There is no such reply in your clinic's inbox.")
    String notFound();

    @Message("The inbox cannot be reached now. Try again in a moment.")
    String unavailable();

    @Message("Newer replies")
    String first();

    @Message("Older replies")
    String next();

    @Message("Back to the inbox")
    String back();

    @Message("New replies appear here by themselves.")
    String liveHint();
}
