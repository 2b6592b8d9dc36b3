#!/bin/sh
# Gives a deployment's broker what the local stack's BrokerSetup gives the embedded one: every topic (a service may
# not create one), each service's SCRAM user, and the ACLs of BrokerAccess.GRANTS. Run once per start by compose's
# kafka-setup; it is safe to run again, and a changed password replaces the old one (how a password is rotated).
# BrokerAccessScriptTest in local-stack checks that the grants below are exactly BrokerAccess.GRANTS.
set -eu
BIN=/opt/kafka/bin
BOOTSTRAP=${KAFKA_BOOTSTRAP:-kafka:9092}
ADMIN=/tmp/admin.properties
umask 077
cat > "$ADMIN" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${AFTERCARE_KAFKA_ADMIN_PASSWORD}";
PROPERTIES

topic() { # name, extra config
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
    --topic "$1" --partitions "${PARTITIONS:-6}" ${2:+--config "$2"}
}
for name in reminders-due notification-status recipient-preferences protocol-published patient-replies \
    replies-handled credential-revocations; do
  topic "$name"
  topic "$name-dlt"
done
topic clinic-profiles cleanup.policy=compact
topic clinic-profiles-dlt

user() { # name, password
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter --entity-type users \
    --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=4096,password=$2]"
}
user guidance "$AFTERCARE_KAFKA_GUIDANCE_PASSWORD"
user scheduling "$AFTERCARE_KAFKA_SCHEDULING_PASSWORD"
user notification "$AFTERCARE_KAFKA_NOTIFICATION_PASSWORD"

allow() { # user, operation, topic
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add \
    --allow-principal "User:$1" --operation "$2" --topic "$3"
}
group() { # user, group prefix
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add \
    --allow-principal "User:$1" --operation Read --group "$2" --resource-pattern-type prefixed
}
# grants: begin
allow guidance Write protocol-published
allow scheduling Write reminders-due
allow scheduling Write clinic-profiles
allow scheduling Write credential-revocations
allow scheduling Write protocol-published-dlt
allow scheduling Write recipient-preferences-dlt
allow scheduling Write notification-status-dlt
allow scheduling Write patient-replies-dlt
allow scheduling Write replies-handled-dlt
allow scheduling Read protocol-published
allow scheduling Read credential-revocations
allow scheduling Read recipient-preferences
allow scheduling Read notification-status
allow scheduling Read patient-replies
allow scheduling Read replies-handled
group scheduling scheduling-
allow notification Write notification-status
allow notification Write recipient-preferences
allow notification Write patient-replies
allow notification Write replies-handled
allow notification Write reminders-due-dlt
allow notification Write clinic-profiles-dlt
allow notification Read reminders-due
allow notification Read clinic-profiles
allow notification Read credential-revocations
group notification notification-
# grants: end
