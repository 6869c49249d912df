package nl.spoorwijzer.opinions;

import java.util.Map;

/** What an opinion did: its dossier content and, in Dutch, what follows from it. */
public record ExpertOpinionOutcome(Map<String, Object> content, String gevolg) {
}
