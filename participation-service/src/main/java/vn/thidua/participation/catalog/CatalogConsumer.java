package vn.thidua.participation.catalog;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import java.util.List;
import javax.sql.DataSource;
import vn.thidua.contract.events.Topic;
import vn.thidua.kit.consumer.IdempotentConsumer;
import vn.thidua.kit.kafka.KafkaSettings;

/** Feeds the {@link CampaignCatalog} from {@code thidua.campaign.v1} and {@code thidua.appraisal.v1}. */
@Singleton
public class CatalogConsumer {
    private final IdempotentConsumer consumer;

    public CatalogConsumer(KafkaSettings kafka, DataSource dataSource, TransactionManager jta) {
        this.consumer = new IdempotentConsumer("participation-service.catalog", kafka,
                List.of(Topic.CAMPAIGN.address(), Topic.APPRAISAL.address()), 500, dataSource, jta, CampaignCatalog::apply);
    }

    // after the Axon configuration has created the topics
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        consumer.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        consumer.close();
    }

    public IdempotentConsumer consumer() {
        return consumer;
    }
}
