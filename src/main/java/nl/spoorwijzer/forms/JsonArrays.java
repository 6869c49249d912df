package nl.spoorwijzer.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads a JSON array (as Tasklist sends a checklist's values) into a list, or null when it is not one. */
final class JsonArrays {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonArrays() {
    }

    static List<?> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            Object parsed = MAPPER.readValue(json, Object.class);
            return parsed instanceof List<?> list ? list : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
