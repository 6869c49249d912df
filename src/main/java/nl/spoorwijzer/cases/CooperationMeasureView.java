package nl.spoorwijzer.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;

/**
 * A measure the werkgever took because the werknemer did not cooperate (BW 7:629 lid 3 and 6), as the dossier
 * records it: taken, reviewed and kept, ended when he cooperates again. The dossier is the one source: this view is
 * folded from its entries, oldest first.
 *
 * @param kind      WAARSCHUWING, OPSCHORTING_LOON or STOPZETTING_LOON
 * @param ground    which obligation was not met (no medical details)
 * @param reviewOn  the review day of a running measure
 * @param endedOn   the day the werknemer cooperates again (null while it runs)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CooperationMeasureView(String id, String kind, String kindLabel, String ground, LocalDate startDate,
                                     LocalDate reviewOn, LocalDate endedOn, boolean active, String recordedBy) {

    /** Dossier content keys (Dutch, as every dossier entry). */
    public static final String ID = "maatregelId";
    public static final String KIND = "soort";
    public static final String KIND_LABEL = "soortOmschrijving";
    public static final String GROUND = "grond";
    public static final String START = "ingangsdatum";
    public static final String REVIEW_ON = "herbeoordelenOp";
    public static final String ENDED_ON = "medewerkingHersteldOp";

    /** Every measure of the case, in the order taken. */
    public static List<CooperationMeasureView> fromDossier(List<DossierEntry> entries) {
        Map<String, CooperationMeasureView> measures = new LinkedHashMap<>();
        for (DossierEntry entry : entries) {
            Map<String, Object> content = entry.content();
            if (content == null || !(content.get(ID) instanceof String id)) {
                continue;
            }
            CooperationMeasureView known = measures.get(id);
            if (entry.type() == DossierEntryType.COOPERATION_MEASURE_TAKEN) {
                measures.put(id, new CooperationMeasureView(id, text(content, KIND), text(content, KIND_LABEL),
                        text(content, GROUND), date(content, START), date(content, REVIEW_ON), null, true,
                        entry.recordedBy()));
            } else if (known != null && entry.type() == DossierEntryType.COOPERATION_MEASURE_REVIEWED) {
                measures.put(id, known.reviewedUntil(date(content, REVIEW_ON)));
            } else if (known != null && entry.type() == DossierEntryType.COOPERATION_MEASURE_ENDED) {
                measures.put(id, known.endedOn(date(content, ENDED_ON)));
            }
        }
        return new ArrayList<>(measures.values());
    }

    /** The measures still in force. */
    public static List<CooperationMeasureView> activeIn(List<DossierEntry> entries) {
        return fromDossier(entries).stream().filter(CooperationMeasureView::active).toList();
    }

    private CooperationMeasureView reviewedUntil(LocalDate next) {
        return new CooperationMeasureView(id, kind, kindLabel, ground, startDate, next, endedOn, active, recordedBy);
    }

    private CooperationMeasureView endedOn(LocalDate day) {
        return new CooperationMeasureView(id, kind, kindLabel, ground, startDate, null, day, false, recordedBy);
    }

    private static String text(Map<String, Object> content, String key) {
        Object value = content.get(key);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<String, Object> content, String key) {
        Object value = content.get(key);
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
