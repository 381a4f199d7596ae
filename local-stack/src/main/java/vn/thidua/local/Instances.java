package vn.thidua.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which service instances run on which port with {@code --instances N}: the first instance of each
 * service on its option's port, instance k on that port + 3 (k - 1), one block of the three services
 * after another (defaults: 8081-8083, then 8084-8086). The first instance keeps the service's name;
 * the others are {@code <service>-<k>} (their log is {@code <name>.log}).
 */
final class Instances {
    /** The services, in the order they start; each one's port option is the first instance's port. */
    static final List<String> SERVICES = List.of("campaign-service", "participation-service", "evaluation-service");
    static final int MAX = 2;

    /** One process of a service. */
    record Instance(String module, String name, int number, int port) {
        /** The service's database (and role): its module's name before the dash. */
        String database() {
            return module.substring(0, module.indexOf('-'));
        }
    }

    private Instances() {
    }

    /** Every instance, each service's instances together, first instances first within it. */
    static List<Instance> plan(Map<String, Integer> firstPorts, int count) {
        if (count < 1 || count > MAX) {
            throw new StackException("--instances " + count + ": 1 to " + MAX + " instances of each service are supported");
        }
        List<Instance> plan = new ArrayList<>();
        for (String service : SERVICES) {
            Integer first = firstPorts.get(service);
            if (first == null) {
                throw new IllegalArgumentException("no port for " + service);
            }
            for (int k = 1; k <= count; k++) {
                plan.add(new Instance(service, k == 1 ? service : service + "-" + k, k, first + SERVICES.size() * (k - 1)));
            }
        }
        return plan;
    }

    /**
     * The ports the stack will bind, by what binds them; a port two of them would share is one clear
     * error naming both.
     */
    static Map<String, Integer> ports(Map<String, Integer> others, List<Instance> instances) {
        Map<String, Integer> all = new LinkedHashMap<>(others);
        for (Instance i : instances) {
            all.put(i.name() + (i.number() == 1 ? " (--" + i.database() + "-port)"
                    : " (--" + i.database() + "-port + " + SERVICES.size() * (i.number() - 1) + ")"), i.port());
        }
        Map<Integer, String> byPort = new LinkedHashMap<>();
        all.forEach((what, port) -> {
            String earlier = byPort.putIfAbsent(port, what);
            if (earlier != null) {
                throw new StackException("port " + port + " would be used by both " + earlier + " and " + what + ": choose other ports with those options");
            }
        });
        return all;
    }
}
