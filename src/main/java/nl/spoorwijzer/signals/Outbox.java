package nl.spoorwijzer.signals;

/** Where a signal's e-mail goes: the SMTP server, or the log when none is set. Throws when it cannot be sent. */
public interface Outbox {

    void send(String to, String subject, String body);
}
