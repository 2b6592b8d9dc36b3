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

    @Message("Sign in with {provider}")
    String signInWith(String provider);

    @Message("This clinic does not sign in through an identity provider of its own. Sign in with your email and password.")
    String providerUnknown();

    @Message("Your identity provider signed you in, but this account may not use the console: it is disabled, or has no console role. Ask your clinic admin.")
    String providerRefused();

    @Message("You are signed in.")
    String providerSignedIn();

    @Message("Continue to the console")
    String continueToConsole();

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
}
