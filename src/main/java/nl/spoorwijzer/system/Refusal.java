package nl.spoorwijzer.system;

/**
 * Why a request was refused, in the domain's words. Services and engine plug-ins say which kind of refusal it is;
 * only {@link Problem} turns a kind into an HTTP status.
 */
public enum Refusal {
    /** The input breaks a rule (a field's format, a legal date rule, a form's rule). */
    INVALID,
    /** The caller may not do this. */
    NOT_ALLOWED,
    /** There is nothing the caller may see under this name (also when it exists but is someone else's). */
    NOT_FOUND,
    /** The request conflicts with the current state (an open case exists, the model is in use). */
    CONFLICT,
    /** The input is larger than the platform accepts (an uploaded document above the size limit). */
    TOO_LARGE,
    /** The input's content is of a kind the platform does not accept (a document that is no PDF, image or office). */
    UNSUPPORTED_TYPE,
    /** The input is well-formed but refused on what it contains (a document the virus scan refused). */
    UNPROCESSABLE
}
