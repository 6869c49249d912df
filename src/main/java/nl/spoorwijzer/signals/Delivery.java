package nl.spoorwijzer.signals;

/** How a user receives signals: each as its own e-mail, or all of a day in one e-mail the next morning. */
public enum Delivery {
    SINGLE,
    DAILY_DIGEST
}
