package nl.spoorwijzer.simulation;

import java.util.List;

/**
 * What a sample case produced on one model: its tasks (with their due dates) and its dossier entries (with the day
 * they were written), in the order they happened.
 */
public record Trace(List<Item> tasks, List<Item> dossier) {

    /**
     * @param key   the task's definition key, or the dossier entry's step (element id) or type
     * @param label what a person reads: the task's name, the entry's subject
     * @param date    the task's due date, the day an entry was written (YYYY-MM-DD), or null
     * @param created the day the task appeared (null for an entry)
     */
    public record Item(String key, String label, String date, String created) {
    }
}
