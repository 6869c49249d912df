package nl.spoorwijzer.cases;

import java.util.List;
import nl.spoorwijzer.casefile.CaseFile;

/**
 * Which of the spoor 2 actions ({@link CaseView#SPOOR_2_PLACEMENT_REPORT}, {@link CaseView#SPOOR_2_OFFER_REFUSAL},
 * {@link CaseView#SPOOR_2_ACTIVITY}) the caller may record on a case now, decided by the rules of the feature that
 * records them (activities/): who he is to the case and to its running trajectory.
 */
public interface Spoor2PracticeActions {

    /** The actions offered to the caller on this case; none when no spoor 2 trajectory runs. */
    List<String> offeredOn(CaseFile file);
}
