package nl.spoorwijzer.signals;

/** What an e-mail signal is about. Each goes out once per subject (a task, or a user's day for the digest). */
public enum SignalKind {
    /** A task with a legal due date appeared: to its assignee or the people of its role in the case. */
    NEW_TASK,
    /** The task's follow-up (warning) date came while it is still open. */
    FOLLOW_UP,
    /** The task's deadline passed with the task still open (the "Termijn verstreken" timer). */
    DEADLINE_PASSED,
    /** Another party's deadline in the case passed: told to the employer's case managers. */
    MISS_FOR_EMPLOYER,
    /** One user's daily digest of the signals he chose to receive together. */
    DIGEST
}
