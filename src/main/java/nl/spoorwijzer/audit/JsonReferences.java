package nl.spoorwijzer.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import nl.spoorwijzer.audit.CaseReferences.Kind;

/**
 * Finds the process instances a JSON document of Camunda's REST API names, in one streaming pass without building
 * the document: every {@code processInstanceId}, {@code rootProcessInstanceId} and {@code processInstanceIds} at any
 * depth (Tasklist's HAL answers embed their tasks), the {@code id} of the answered resources when they are process
 * instances, and a {@code businessKey} (a request correlating a message to a case names it so).
 */
final class JsonReferences {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReferences() {
    }

    /**
     * @param idIsProcessInstance the resources answered are process instances: their own {@code id} (at the top
     *                            level, or of each element of a top-level list) names one
     * @param withBusinessKeys    a {@code businessKey} names a case (in a request, not in an answer, where it comes
     *                            with its process instance)
     */
    static CaseReferences scan(byte[] json, boolean idIsProcessInstance, boolean withBusinessKeys) {
        CaseReferences references = new CaseReferences();
        if (json.length == 0) {
            return references;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            int depth = 0;
            int resourceDepth = 1;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_ARRAY -> {
                        if (depth == 0) {
                            resourceDepth = 2;
                        }
                        depth++;
                    }
                    case START_OBJECT -> depth++;
                    case END_ARRAY, END_OBJECT -> depth--;
                    case FIELD_NAME -> field(parser, depth, depth == resourceDepth && idIsProcessInstance,
                            withBusinessKeys, references);
                    default -> {
                    }
                }
            }
        } catch (IOException notJson) {
            // what was read so far still names what the caller saw
        }
        return references;
    }

    private static void field(JsonParser parser, int depth, boolean idIsProcessInstance, boolean withBusinessKeys,
                              CaseReferences references) throws IOException {
        String name = parser.currentName();
        switch (name) {
            case "processInstanceId", "rootProcessInstanceId" -> references.add(Kind.PROCESS_INSTANCE, text(parser));
            case "id" -> {
                if (idIsProcessInstance) {
                    references.add(Kind.PROCESS_INSTANCE, text(parser));
                }
            }
            case "businessKey" -> {
                if (withBusinessKeys && depth == 1) {
                    references.add(Kind.BUSINESS_KEY, text(parser));
                }
            }
            case "processInstanceIds" -> {
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    JsonToken element;
                    while ((element = parser.nextToken()) != null && element != JsonToken.END_ARRAY) {
                        if (element == JsonToken.VALUE_STRING) {
                            references.add(Kind.PROCESS_INSTANCE, parser.getText());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            default -> {
            }
        }
    }

    /** The field's value when it is a string; any other value is consumed whole, so the depth stays right. */
    private static String text(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }
}
