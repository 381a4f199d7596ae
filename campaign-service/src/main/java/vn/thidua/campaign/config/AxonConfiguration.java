package vn.thidua.campaign.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configurer;
import vn.thidua.campaign.campaign.Campaign;
import vn.thidua.campaign.campaign.CampaignProjection;
import vn.thidua.campaign.plan.Plan;
import vn.thidua.campaign.plan.PlanProjection;
import vn.thidua.kit.axon.AxonLifecycle;
import vn.thidua.kit.axon.AxonStore;
import vn.thidua.kit.kafka.KafkaSettings;

/**
 * campaign-service's Axon: aggregates {@link Plan} and {@link Campaign} event-sourced in the
 * service's PostgreSQL; the views updated in the command's transaction (subscribing processor
 * "views"); the outbox relay to Kafka on its own streaming processor. No Axon type leaves this
 * package but the command gateway.
 */
@Singleton
public class AxonConfiguration extends AxonLifecycle {
    public static final String SERVICE = "campaign-service";

    public AxonConfiguration(DataSource dataSource, TransactionManager jta, KafkaSettings kafka,
                             PlanProjection plans, CampaignProjection campaigns) {
        super(SERVICE, configurer(dataSource, jta, plans, campaigns), kafka, dataSource);
    }

    private static Configurer configurer(DataSource dataSource, TransactionManager jta, PlanProjection plans, CampaignProjection campaigns) {
        Configurer configurer = AxonStore.configurer(dataSource, jta)
                .configureAggregate(Plan.class)
                .configureAggregate(Campaign.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor("views")
                .registerEventHandler(c -> plans)
                .registerEventHandler(c -> campaigns);
        return configurer;
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return gateway();
    }
}
