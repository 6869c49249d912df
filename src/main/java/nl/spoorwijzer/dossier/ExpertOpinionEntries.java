package nl.spoorwijzer.dossier;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deskundigenoordeel requests and opinions of a case, read from its dossier: a request
 * ({@link DossierEntryType#EXPERT_OPINION_REQUESTED}) is open until an opinion (a {@code UWV_DECISION} of type
 * DESKUNDIGENOORDEEL) names its entry id under {@value #REQUEST_ID}. The dossier is the one store, so the list is
 * complete whichever way a request was made (the case action or the task "Deskundigenoordeel aanvragen").
 */
public final class ExpertOpinionEntries {

    /** The opinion's content key naming the request (its dossier entry id) it answers. */
    public static final String REQUEST_ID = "aanvraagId";
    /** The opinion's content key with what follows from it, in Dutch. */
    public static final String CONSEQUENCE = "gevolg";
    /** The UWV decision type of an opinion (uwv/UwvDecisionType). */
    public static final String OPINION_TYPE = "DESKUNDIGENOORDEEL";

    private ExpertOpinionEntries() {
    }

    public static boolean isOpinion(DossierEntry entry) {
        return entry.type() == DossierEntryType.UWV_DECISION && OPINION_TYPE.equals(entry.content().get("type"));
    }

    public static List<DossierEntry> requests(List<DossierEntry> entries) {
        return entries.stream().filter(entry -> entry.type() == DossierEntryType.EXPERT_OPINION_REQUESTED).toList();
    }

    public static List<DossierEntry> opinions(List<DossierEntry> entries) {
        return entries.stream().filter(ExpertOpinionEntries::isOpinion).toList();
    }

    /** The requests no opinion answered yet, oldest first. */
    public static List<DossierEntry> openRequests(List<DossierEntry> entries) {
        Set<String> answered = opinions(entries).stream().map(entry -> entry.content().get(REQUEST_ID))
                .filter(Objects::nonNull).map(String::valueOf).collect(Collectors.toSet());
        return requests(entries).stream().filter(request -> !answered.contains(String.valueOf(request.id())))
                .toList();
    }
}
