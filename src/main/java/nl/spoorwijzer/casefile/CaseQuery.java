package nl.spoorwijzer.casefile;

/** Filters and page of {@code GET /api/cases}. */
public record CaseQuery(String employer, CasePhase phase, Boolean overdue, Integer dueWithinDays, int page,
                        int size) {
}
