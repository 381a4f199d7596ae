#!/bin/sh
# The secured broker of docker-compose (image apache/kafka): SASL/SCRAM-SHA-512 for clients, PLAIN for the
# controller, StandardAuthorizer and no access without an ACL; the same settings as the local stack's
# broker (test-support's KafkaBrokerProcess). The admin user is created when the storage is formatted.
set -eu
: "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_CONTROLLER_PASSWORD:?}"
umask 077
cat > /tmp/server.properties <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
controller.listener.names=CONTROLLER
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
listener.name.sasl_plaintext.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="${KAFKA_CONTROLLER_PASSWORD}" user_controller="${KAFKA_CONTROLLER_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:controller
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/kafka/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=-1
PROPERTIES
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  # the tool prints the salted credentials: not to the log
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" --config /tmp/server.properties \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]" > /dev/null
fi
exec /opt/kafka/bin/kafka-server-start.sh /tmp/server.properties
