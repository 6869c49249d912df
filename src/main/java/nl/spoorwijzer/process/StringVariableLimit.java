package nl.spoorwijzer.process;

import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * A string variable longer than Camunda's text column (4,000 characters on H2 and PostgreSQL) is refused when it is
 * set, naming the variable, instead of failing later as a database error when the transaction is flushed.
 */
@Component
class StringVariableLimit extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new BoundedStringSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
    }

    /** Camunda's string serializer (same name, so stored values read back as before) with a length check. */
    static class BoundedStringSerializer extends StringValueSerializer {

        @Override
        public void writeValue(StringValue value, ValueFields fields) {
            String text = value.getValue();
            if (text != null && text.length() > ProcessVariables.MAX_TEXT_LENGTH) {
                throw new RuleViolationException(fields.getName(),
                        "must be at most " + ProcessVariables.MAX_TEXT_LENGTH + " characters");
            }
            super.writeValue(value, fields);
        }
    }
}
