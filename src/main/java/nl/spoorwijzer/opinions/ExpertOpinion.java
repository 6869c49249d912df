package nl.spoorwijzer.opinions;

import java.time.LocalDate;

/**
 * UWV's deskundigenoordeel as it arrives (a UWV decision of type DESKUNDIGENOORDEEL): the question it answers (or the
 * request it names), UWV's verdict, its text, and whether UWV advises to start spoor 2.
 */
public record ExpertOpinion(LocalDate decisionDate, String question, String verdict, Long requestId, String conclusion,
                            Boolean startSpoor2) {
}
