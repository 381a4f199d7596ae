package vn.thidua.evaluation.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configurer;
import vn.thidua.kit.axon.AxonLifecycle;
import vn.thidua.kit.axon.AxonStore;
import vn.thidua.kit.kafka.KafkaSettings;
import vn.thidua.evaluation.appraisal.Appraisal;
import vn.thidua.evaluation.appraisal.AppraisalProjection;
import vn.thidua.evaluation.review.AwardDecision;
import vn.thidua.evaluation.review.ReviewProjection;
import vn.thidua.evaluation.review.YearReview;

/**
 * evaluation-service's Axon: aggregates {@link Appraisal}, {@link YearReview} and {@link AwardDecision} event-sourced in the
 * service's PostgreSQL, views in the command's transaction, the outbox relay to
 * {@code thidua.appraisal.v1} and {@code thidua.award.v1}.
 */
@Singleton
public class AxonConfiguration extends AxonLifecycle {
    public static final String SERVICE = "evaluation-service";

    public AxonConfiguration(DataSource dataSource, TransactionManager jta, KafkaSettings kafka,
                             AppraisalProjection appraisals, ReviewProjection reviews) {
        super(SERVICE, configurer(dataSource, jta, appraisals, reviews), kafka, dataSource);
    }

    private static Configurer configurer(DataSource dataSource, TransactionManager jta, AppraisalProjection appraisals, ReviewProjection reviews) {
        Configurer configurer = AxonStore.configurer(dataSource, jta)
                .configureAggregate(Appraisal.class)
                .configureAggregate(YearReview.class)
                .configureAggregate(AwardDecision.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor("views")
                .registerEventHandler(c -> appraisals)
                .registerEventHandler(c -> reviews);
        return configurer;
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return gateway();
    }
}
