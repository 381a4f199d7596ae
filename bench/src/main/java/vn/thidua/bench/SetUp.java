package vn.thidua.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The department before the year's records: its units, the campaigns sent to all of them, every unit's roster. */
final class SetUp {
    private SetUp() {
    }

    /** Creates the workload's units, campaigns and members; gives the campaigns' ids in the workload's order. */
    static List<String> run(Run run, Workload w) throws Exception {
        Run.say("set-up: " + w.units.size() + " units, " + w.campaigns + " campaigns, " + w.members.size() + " members");
        run.parallel(w.units.size(), i -> run.http.ok("PUT", run.o.campaignUrl + "/api/units/" + w.units.get(i).code(),
                Map.of("name", w.units.get(i).name(), "head", "Trưởng " + w.units.get(i).name()), null));
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < w.campaigns; c++) {
            ids.add(run.http.ok("POST", run.o.campaignUrl + "/api/campaigns", w.campaignBody(c), run.id + "-campaign-" + c).path("campaignId").asText());
        }
        // rosters only for units a campaign was sent to: wait until participation-service has read the campaigns
        for (String id : ids) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (run.http.send("POST", run.o.participationUrl + "/api/participations", Run.record(id, w.units.get(0).code(), null, "ACTIVITY",
                    LocalDate.of(2000, 1, 1), "thăm dò", null), null, Duration.ofSeconds(30)).statusCode() == 409) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("participation-service never learned of campaign " + id);
                }
                Thread.sleep(200);
            }
        }
        run.parallel(w.members.size(), i -> {
            Workload.Member m = w.members.get(i);
            return run.http.ok("PUT", run.o.participationUrl + "/api/units/" + m.unitCode() + "/members/" + m.memberId(),
                    Map.of("fullName", m.fullName(), "position", "Chuyên viên", "fromDate", (Workload.YEAR - 1) + "-12-01"), null);
        });
        return ids;
    }
}
