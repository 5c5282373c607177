package clinic.healthcheck.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets every node's job executor find the jobs that are due from an index, however many breach
 * timers wait for later. The executor asks again each time a batch of assignments commits its
 * notify steps; without the index each question read every job, twenty thousand for the L workload,
 * and took most of the database's time during a sweep.
 *
 * <p>Camunda's own setting {@code ensureJobDueDateNotNull} gives every job a due date (now, for an
 * asynchronous step), so the question becomes a plain range on the due date that the index below
 * answers. Jobs written before, without a due date, get theirs here once; they would otherwise no
 * longer be picked up.
 */
@Component
class JobAcquisition extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisition.class);

    static final String INDEX = "ACT_IDX_JOB_DUEDATE_";

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // PostgreSQL builds the index without blocking the nodes already writing jobs
            String concurrently =
                    "postgres".equals(configuration.getDatabaseType()) ? "CONCURRENTLY " : "";
            statement.execute(
                    "CREATE INDEX "
                            + concurrently
                            + "IF NOT EXISTS "
                            + INDEX
                            + " ON ACT_RU_JOB (DUEDATE_)");
            int dated;
            try (PreparedStatement update =
                    connection.prepareStatement(
                            "UPDATE ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, ?)"
                                    + " WHERE DUEDATE_ IS NULL")) {
                update.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
                dated = update.executeUpdate();
            }
            if (dated > 0) {
                LOG.info("{} jobs written without a due date are due from their creation", dated);
            }
        } catch (SQLException e) {
            // another node starting at the same moment may be building the same index
            LOG.warn(
                    "Could not make sure of index {} on ACT_RU_JOB ({}); job acquisition reads"
                            + " every job until it exists",
                    INDEX,
                    e.getMessage());
        }
    }
}
