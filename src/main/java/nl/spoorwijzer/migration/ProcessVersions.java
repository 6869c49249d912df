package nl.spoorwijzer.migration;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.process.ProcessKeys;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Service;

/**
 * Every deployed version of the models whose running cases can be migrated, with the number of instances running on
 * each: Camunda's process definition statistics (one query), counted as the platform — the procesbeheerder may read
 * no case, so under her own authorizations every count would be 0.
 */
@Service
public class ProcessVersions {

    /** The models a procesbeheerder migrates: the case and the bureau's trajectory. */
    static final Set<String> MIGRATABLE = Set.of(ProcessKeys.POORTWACHTER, ProcessKeys.SPOOR_2_TRAJECT);

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;

    ProcessVersions(ProcessEngineConfigurationImpl engineConfiguration, ManagementService managementService,
                    RepositoryService repositoryService) {
        this.engineConfiguration = engineConfiguration;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
    }

    public List<ProcessVersion> list() {
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> AsPlatform.inCommand(() ->
                managementService.createProcessDefinitionStatisticsQuery().unlimitedList().stream()
                        .filter(definition -> MIGRATABLE.contains(definition.getKey()))
                        .sorted(Comparator.comparing(ProcessDefinitionStatistics::getKey)
                                .thenComparing(ProcessDefinitionStatistics::getVersion))
                        .map(this::version)
                        .toList()));
    }

    private ProcessVersion version(ProcessDefinitionStatistics definition) {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        return new ProcessVersion(definition.getKey(), definition.getId(), definition.getVersion(),
                definition.getVersionTag(), deployment == null || deployment.getDeploymentTime() == null ? null
                : deployment.getDeploymentTime().toInstant().atOffset(ZoneOffset.UTC),
                definition.getTenantId(), definition.getInstances());
    }
}
