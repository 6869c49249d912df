package nl.spoorwijzer.opinions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.ExpertOpinionEntries;

/**
 * A deskundigenoordeel request as the API shows it: what was asked, by whom (werkgever or werknemer) and when, and —
 * once UWV answered — its verdict and what follows from it.
 *
 * @param id the request's dossier entry id; an opinion names it as {@code requestId}
 * @param status OPEN or BEANTWOORD
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpertOpinionRequestView(
        Long id,
        String question,
        String requestedBy,
        String filedOn,
        String explanation,
        String recordedBy,
        OffsetDateTime recordedAt,
        String source,
        String status,
        String decisionDate,
        String verdict,
        String consequence) {

    static ExpertOpinionRequestView of(DossierEntry request, DossierEntry opinion) {
        Map<String, Object> asked = request.content();
        Map<String, Object> answered = opinion == null ? Map.of() : opinion.content();
        return new ExpertOpinionRequestView(request.id(), text(asked.get("vraag")), text(asked.get("aanvrager")),
                text(asked.get("ingediendOp")), text(asked.get("toelichting")), request.recordedBy(),
                request.recordedAt(), text(asked.get("bron")),
                opinion == null ? ExpertOpinionRequests.OPEN : ExpertOpinionRequests.ANSWERED,
                text(answered.get("besluitdatum")), text(answered.get("oordeel")),
                text(answered.get(ExpertOpinionEntries.CONSEQUENCE)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
