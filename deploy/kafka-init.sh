#!/bin/sh
# Run once after the broker is up (docker-compose's kafka-init), as the Kafka admin: the users' SCRAM
# credentials (passwords from the environment), the thidua topics (retention forever, as service-kit's
# TopicProvisioner makes them), and the ACLs of deploy/kafka-acls.txt. Safe to run again.
set -eu
: "${KAFKA_ADMIN_PASSWORD:?}"
bin=/opt/kafka/bin
umask 077
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
admin="--bootstrap-server kafka:9092 --command-config /tmp/admin.properties"

tries=0
until $bin/kafka-topics.sh $admin --list > /dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "✗ the broker kafka:9092 did not answer the admin within 2 minutes" >&2; exit 1; }
  sleep 2
done

# each user of the ACL file; its password from KAFKA_<USER, upper case, - as _>_PASSWORD
for user in $(grep -v '^#' /deploy/kafka-acls.txt | awk 'NF == 5 { print $1 }' | sort -u); do
  var="KAFKA_$(echo "$user" | tr 'a-z-' 'A-Z_')_PASSWORD"
  password=$(printenv "$var") || { echo "✗ $var is not set (deploy/generate-secrets.sh)" >&2; exit 1; }
  $bin/kafka-configs.sh $admin --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]" > /dev/null
done

for topic in $(grep -v '^#' /deploy/kafka-acls.txt | awk 'NF == 5 && $3 == "topic" && $4 == "literal" { print $5 }' | sort -u); do
  $bin/kafka-topics.sh $admin --create --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1 \
    --config retention.ms=-1 --config retention.bytes=-1 --config cleanup.policy=delete --config min.insync.replicas=1
done

grep -v '^#' /deploy/kafka-acls.txt | awk 'NF == 5' | while read -r user operation resource pattern name; do
  $bin/kafka-acls.sh $admin --add --allow-principal "User:$user" --operation "$operation" \
    "--$resource" "$name" --resource-pattern-type "$pattern" > /dev/null
done
echo "✓ Kafka users, topics and ACLs in place"
