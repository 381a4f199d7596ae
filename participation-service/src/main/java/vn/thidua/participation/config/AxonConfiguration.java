package vn.thidua.participation.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configurer;
import vn.thidua.kit.axon.AxonLifecycle;
import vn.thidua.kit.axon.AxonStore;
import vn.thidua.kit.kafka.KafkaSettings;
import vn.thidua.participation.personnel.MemberFile;
import vn.thidua.participation.personnel.PersonnelProjection;
import vn.thidua.participation.personnel.UnitFile;
import vn.thidua.participation.record.ParticipationProjection;
import vn.thidua.participation.record.ParticipationRecord;
import vn.thidua.participation.roster.RosterProjection;
import vn.thidua.participation.roster.UnitRoster;

/**
 * participation-service's Axon: aggregates {@link UnitRoster}, {@link ParticipationRecord},
 * {@link MemberFile} and {@link UnitFile} event-sourced in the service's PostgreSQL, views in the
 * command's transaction, the outbox relay to {@code thidua.roster.v1}, {@code thidua.participation.v1}
 * and {@code thidua.personnel.v1}.
 */
@Singleton
public class AxonConfiguration extends AxonLifecycle {
    public static final String SERVICE = "participation-service";

    public AxonConfiguration(DataSource dataSource, TransactionManager jta, KafkaSettings kafka, RosterProjection roster,
                             ParticipationProjection participation, PersonnelProjection personnel) {
        super(SERVICE, configurer(dataSource, jta, roster, participation, personnel), kafka, dataSource);
    }

    private static Configurer configurer(DataSource dataSource, TransactionManager jta, RosterProjection roster, ParticipationProjection participation,
                                         PersonnelProjection personnel) {
        Configurer configurer = AxonStore.configurer(dataSource, jta)
                .configureAggregate(UnitRoster.class)
                .configureAggregate(ParticipationRecord.class)
                .configureAggregate(MemberFile.class)
                .configureAggregate(UnitFile.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor("views")
                .registerEventHandler(c -> roster)
                .registerEventHandler(c -> participation)
                .registerEventHandler(c -> personnel);
        return configurer;
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return gateway();
    }
}
