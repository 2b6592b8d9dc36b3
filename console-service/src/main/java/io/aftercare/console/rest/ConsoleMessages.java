package io.aftercare.console.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the console's pages and emails, in English here and in Spanish in {@code messages/msg_es.properties};
 * templates read them as {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Aftercare console")
    String appName();

    @Message("Language")
    String language();

    @Message("Sign in")
    String signIn();

    @Message("Email")
    String email();

    @Message("Password")
    String password();

    @Message("The email or the password is wrong, or the account is locked for a while. Try again later.")
    String signInRefused();

    @Message("Too many failed sign-ins from your network. Try again in a few minutes.")
    String tooManyAttempts();

    @Message("Your password is saved. Sign in with it.")
    String passwordSaved();

    @Message("You are signed out.")
    String signedOut();

    @Message("Signed in as")
    String signedInAs();

    @Message("Clinic")
    String clinic();

    @Message("Role")
    String role();

    @Message("Staff")
    String roleStaff();

    @Message("Clinic admin")
    String roleClinicAdmin();

    @Message("Sign out")
    String signOut();

    @Message("Sign out everywhere")
    String signOutEverywhere();

    @Message("Ends your sessions in every browser and device, this one too.")
    String signOutEverywhereHint();

    @Message("Users")
    String users();

    @Message("Name")
    String name();

    @Message("State")
    String state();

    @Message("Active")
    String stateActive();

    @Message("Invited")
    String stateInvited();

    @Message("Disabled")
    String stateDisabled();

    @Message("Disable")
    String disable();

    @Message("Reset password")
    String reset();

    @Message("you")
    String you();

    @Message("Invite someone")
    String invite();

    @Message("Send the invitation")
    String sendInvitation();

    @Message("Invitation sent to {email}.")
    String invitationSent(String email);

    @Message("The change is saved, but its email could not be sent. Use Reset password to send a new link.")
    String mailFailed();

    @Message("Done.")
    String done();

    @Message("Choose your password")
    String choosePassword();

    @Message("New password")
    String newPassword();

    @Message("The new password again")
    String confirmPassword();

    @Message("At least 12 characters; not a common password, and not the name of your email.")
    String passwordHint();

    @Message("Save the password")
    String savePassword();

    @Message("This link does not work any more: it was used, it expired or it was replaced. Ask your clinic admin for a new one.")
    String linkInvalid();

    @Message("The two passwords differ.")
    String passwordsDiffer();

    @Message("The password is too short: at least 12 characters.")
    String passwordTooShort();

    @Message("The password is too long: at most 128 characters.")
    String passwordTooLong();

    @Message("This password is one of the most common ones. Choose another.")
    String passwordCommon();

    @Message("The password may not contain the name of your email.")
    String passwordContainsEmail();

    @Message("Your Aftercare console account")
    String inviteSubject();

    @Message("Hello {name},")
    String mailGreeting(String name);

    @Message("you are invited to the Aftercare console of {clinicId}. Choose your password with this link; it works once, until {expires}:")
    String inviteBody(String clinicId, String expires);

    @Message("If you did not expect this email, ignore it.")
    String inviteIgnore();

    @Message("Choose a new password for the Aftercare console")
    String resetSubject();

    @Message("your clinic admin reset your password for the Aftercare console of {clinicId}. Choose a new one with this link; it works once, until {expires}:")
    String resetBody(String clinicId, String expires);

    // ---- Settings, audit and the operator's view (issue 22, branch settings) ----

    @Message("Settings")
    String settings();

    @Message("Clinic profile")
    String clinicProfile();

    @Message("Clinic name, as patients know it")
    String clinicName();

    @Message("Time zone (IANA, e.g. Europe/Madrid)")
    String timeZone();

    @Message("Language of the texts (e.g. es)")
    String textsLocale();

    @Message("Clinic phone (E.164, e.g. +34912345678)")
    String clinicPhone();

    @Message("Texts from (patient's local time)")
    String sendWindowStart();

    @Message("Texts until (patient's local time)")
    String sendWindowEnd();

    @Message("SMS sender (a number or a Messaging Service SID)")
    String smsSender();

    @Message("Texts per second")
    String smsRate();

    @Message("Email sender")
    String emailSender();

    @Message("Email for urgent replies")
    String alertEmail();

    @Message("Consent basis")
    String consentBasis();

    @Message("Express consent")
    String consentExpress();

    @Message("Healthcare exemption")
    String consentExemption();

    @Message("Answer to HELP (English)")
    String helpEn();

    @Message("Answer to AYUDA (Spanish)")
    String helpEs();

    @Message("Save the profile")
    String saveProfile();

    @Message("Your clinic has no profile yet: fill it in and save it.")
    String noProfile();

    @Message("Webhooks")
    String webhooks();

    @Message("Add an endpoint")
    String addWebhook();

    @Message("Endpoint URL (https)")
    String webhookUrl();

    @Message("Events")
    String webhookEvents();

    @Message("Rotate the secret")
    String rotateSecret();

    @Message("Send a test event")
    String sendTest();

    @Message("Test event queued: it appears in the message log below.")
    String testSent();

    @Message("Copy this secret now: it is shown only this once.")
    String secretShownOnce();

    @Message("Secret")
    String secret();

    @Message("Message log")
    String messageLog();

    @Message("No messages yet.")
    String noMessages();

    @Message("Attempts")
    String attempts();

    @Message("Older")
    String older();

    @Message("No endpoints yet.")
    String noWebhooks();

    @Message("API keys")
    String apiKeys();

    @Message("For your booking system; a person never needs one.")
    String apiKeysHint();

    @Message("Issue a new key")
    String issueKey();

    @Message("Revoke")
    String revokeKey();

    @Message("Revoked")
    String revoked();

    @Message("Created")
    String created();

    @Message("No keys yet.")
    String noKeys();

    @Message("Plan preview")
    String planPreview();

    @Message("Exactly what a patient named Ana would get, with your profile's name, send window and zone.")
    String planPreviewHint();

    @Message("Treatment")
    String treatment();

    @Message("Treatment ends at (clinic's local time)")
    String treatmentEndsAt();

    @Message("Show the plan")
    String showPlan();

    @Message("Protocol version")
    String protocolVersion();

    @Message("When")
    String when();

    @Message("Channels")
    String channels();

    @Message("Text message")
    String textMessage();

    @Message("Email")
    String emailMessage();

    @Message("Audit")
    String audit();

    @Message("Who read or changed what of your clinic's records, newest first.")
    String auditHint();

    @Message("Who")
    String actor();

    @Message("What")
    String action();

    @Message("Result")
    String result();

    @Message("From")
    String source();

    @Message("Service")
    String service();

    @Message("No entries.")
    String noEntries();

    @Message("These trails cannot be read now: {services}.")
    String auditUnavailable(String services);

    @Message("Acting as operator for clinic {clinicId}")
    String actingAsOperator(String clinicId);

    @Message("Read-only. This view is recorded in the clinic's audit trail.")
    String operatorReadOnly();

    @Message("People")
    String people();

    @Message("Recent console activity")
    String recentActivity();

    @Message("{service} cannot be reached now. Nothing was changed that it did not confirm. Try again in a moment.")
    String serviceUnavailable(String service);

    // --- Patients: search and timeline (issue 22, branch timeline) ---

    @Message("Patients")
    String patientsNav();

    @Message("Find a patient")
    String tlSearchTitle();

    @Message("First name, phone number or booking id")
    String tlSearchLabel();

    @Message("A name matches from its start; a number must be whole (with or without the country code); a booking id exactly.")
    String tlSearchHint();

    @Message("Search")
    String tlSearchButton();

    @Message("Type a first name, a whole phone number or a booking id (at most 128 characters).")
    String tlSearchInvalid();

    @Message("No booking of your clinic matches.")
    String tlNoMatches();

    @Message("More results")
    String tlMore();

    @Message("No such booking in your clinic.")
    String tlNotFound();

    @Message("The patient records could not be read just now. Try again in a moment.")
    String tlUnavailable();

    @Message("Booking")
    String tlBooking();

    @Message("Treatment")
    String tlTreatment();

    @Message("Phone")
    String tlPhone();

    @Message("Patient's time zone (every time on this page)")
    String tlZone();

    @Message("Booking status")
    String tlStatus();

    @Message("Latest check-in")
    String tlCheckIn();

    @Message("{score} of 5")
    String tlScore(int score);

    @Message("The patient stopped texts (STOP).")
    String tlTextsStopped();

    @Message("No consent to texts.")
    String tlNoTextConsent();

    @Message("Timeline")
    String tlTimeline();

    @Message("Booking received")
    String tlBooked();

    @Message("Treatment: {type}")
    String tlTreatmentAt(String type);

    @Message("Care moment {key}")
    String tlMoment(String key);

    @Message("Text message")
    String tlSms();

    @Message("Email")
    String tlEmail();

    @Message("Subject")
    String tlEmailSubject();

    @Message("Delivery")
    String tlDelivery();

    @Message("Nothing sent yet.")
    String tlNoDelivery();

    @Message("{count} attempt(s)")
    String tlAttempts(int count);

    @Message("Why")
    String tlReason();

    @Message("The plan was laid again: {count} moment(s) planned")
    String tlReplan(String count);

    @Message("Booking status changed: {status}")
    String tlStatusChange(String status);

    @Message("The patient replied")
    String tlReply();

    @Message("Urgent")
    String tlUrgent();

    @Message("Handled by {who}")
    String tlHandledBy(String who);

    @Message("Text to the patient ({kind})")
    String tlMessage(String kind);

    @Message("The patient opted out of texts ({keyword})")
    String tlOptOut(String keyword);

    @Message("from every sender")
    String tlOptOutEverySender();

    @Message("planned")
    String stPlanned();

    @Message("handed to sending")
    String stDispatched();

    @Message("revoked (replaced or cancelled)")
    String stRevoked();

    @Message("expired, not sent")
    String stExpired();

    @Message("delivered")
    String stDelivered();

    @Message("failed")
    String stFailed();

    @Message("sent")
    String stSent();

    @Message("not delivered")
    String stUndelivered();

    @Message("not sent (no channel allowed)")
    String stSuppressed();

    @Message("waiting to be sent")
    String stPending();

    @Message("sending")
    String stSending();

    @Message("waiting for the send window")
    String stWaiting();

    @Message("booked")
    String stBooked();

    @Message("cancelled")
    String stCancelled();

    @Message("no-show")
    String stNoShow();

    @Message("completed")
    String stCompleted();

    @Message("open")
    String stOpen();

    @Message("handled")
    String stHandled();

    @Message("urgent")
    String stUrgent();

    @Message("re-planned")
    String stReplanned();

    @Message("opted out")
    String stOptedOut();
}
