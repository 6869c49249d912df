package nl.spoorwijzer.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.documents.DocumentSteps;
import org.springframework.stereotype.Component;

/** A document belongs to a part of the re-integratieverslag: the parts are the steps, in the RIV's order. */
@Component
class RivDocumentSteps implements DocumentSteps {

    private static final Map<String, String> PARTS;

    static {
        Map<String, String> parts = new LinkedHashMap<>();
        Arrays.stream(RivPart.values()).forEach(part -> parts.put(part.name(), part.title()));
        PARTS = Collections.unmodifiableMap(parts);
    }

    @Override
    public Map<String, String> all() {
        return PARTS;
    }
}
