package vn.thidua.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * thidua's Kafka ACLs, read from {@code deploy/kafka-acls.txt} (packaged with this module): one line
 * per permission, {@code user operation topic|group|transactional-id literal|prefixed name}.
 */
public final class KafkaAcls {
    /** The super user that creates topics, users and ACLs. */
    public static final String ADMIN = "admin";

    private KafkaAcls() {
    }

    /** Every permission, as ACL bindings for {@code Admin.createAcls}. */
    public static List<AclBinding> bindings() {
        List<AclBinding> out = new ArrayList<>();
        for (String[] f : lines()) {
            ResourceType type = switch (f[2]) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "transactional-id" -> ResourceType.TRANSACTIONAL_ID;
                default -> throw new IllegalStateException("kafka-acls.txt: resource must be topic, group or transactional-id, not " + f[2]);
            };
            out.add(new AclBinding(new ResourcePattern(type, f[4], PatternType.valueOf(f[3].toUpperCase(Locale.ROOT))),
                    new AccessControlEntry("User:" + f[0], "*", AclOperation.valueOf(f[1]), AclPermissionType.ALLOW)));
        }
        return out;
    }

    /** The Kafka users the ACLs name (the admin aside), in the file's order. */
    public static List<String> users() {
        Set<String> users = new LinkedHashSet<>();
        lines().forEach(f -> users.add(f[0]));
        return List.copyOf(users);
    }

    /** What a user may do, in words, e.g. {@code READ topic thidua.campaign.v1}. */
    public static List<String> may(String user) {
        return lines().stream().filter(f -> f[0].equals(user))
                .map(f -> f[1] + " " + f[2] + " " + f[4] + (f[3].equals("prefixed") ? "*" : "")).toList();
    }

    private static List<String[]> lines() {
        try (InputStream in = KafkaAcls.class.getResourceAsStream("kafka-acls.txt")) {
            if (in == null) {
                throw new IllegalStateException("kafka-acls.txt is not on the classpath (test-support packages it from deploy/)");
            }
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = trimmed.split("\\s+");
                if (f.length != 5) {
                    throw new IllegalStateException("kafka-acls.txt: five fields expected in: " + line);
                }
                out.add(f);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
