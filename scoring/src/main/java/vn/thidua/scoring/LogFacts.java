package vn.thidua.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;

/**
 * What the log says that scoring needs: campaigns launched, roster stays, participation records.
 * Feed it the events once each (duplicates removed by event id), roster events of a unit in their
 * log order (they share a partition, keyed by unit). Not thread-safe.
 */
public final class LogFacts {

    /** A launched campaign: its period (both ends inclusive; {@code to} null when open) and recipients. */
    public record Campaign(String campaignId, LocalDate from, LocalDate to, Set<String> recipients) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }

        /** Whether the period meets {@code year}: its recipients are in that year's table. */
        public boolean overlaps(int year) {
            return from.getYear() <= year && (to == null || to.getYear() >= year);
        }
    }

    /** One stay on a roster: from {@code joinedOn} inclusive to {@code leftOn} exclusive (null: still on it). */
    public record Stay(String unitCode, String memberId, String fullName, LocalDate joinedOn, LocalDate leftOn) {
        boolean covers(LocalDate day) {
            return !day.isBefore(joinedOn) && (leftOn == null || day.isBefore(leftOn));
        }

        boolean overlaps(LocalDate first, LocalDate last) {
            return !joinedOn.isAfter(last) && (leftOn == null || leftOn.isAfter(first));
        }
    }

    /** A participation record as scoring sees it. */
    public record Record(String recordId, String campaignId, String unitCode, String memberId, ParticipationKind kind, LocalDate occurredOn) {
    }

    private final Map<String, Campaign> campaigns = new HashMap<>();
    private final Map<String, List<Stay>> staysByUnitMember = new LinkedHashMap<>();
    private final Map<String, Record> records = new LinkedHashMap<>();

    public LogFacts campaign(CampaignLaunched event) {
        return campaign(event.campaignId(), event.period().from(), event.period().to(), event.recipientUnitCodes());
    }

    public LogFacts campaign(String campaignId, LocalDate from, LocalDate to, java.util.Collection<String> recipients) {
        campaigns.putIfAbsent(campaignId, new Campaign(campaignId, from, to, Set.copyOf(recipients)));
        return this;
    }

    public LogFacts joined(MemberJoinedUnit event) {
        return joined(event.unitCode(), event.memberId(), event.fullName(), event.joinedOn());
    }

    public LogFacts joined(String unitCode, String memberId, String fullName, LocalDate joinedOn) {
        staysByUnitMember.computeIfAbsent(key(unitCode, memberId), k -> new ArrayList<>())
                .add(new Stay(unitCode, memberId, fullName, joinedOn, null));
        return this;
    }

    public LogFacts left(MemberLeftUnit event) {
        return left(event.unitCode(), event.memberId(), event.leftOn());
    }

    public LogFacts left(String unitCode, String memberId, LocalDate leftOn) {
        List<Stay> stays = staysByUnitMember.get(key(unitCode, memberId));
        if (stays != null && !stays.isEmpty() && stays.get(stays.size() - 1).leftOn() == null) {
            Stay open = stays.remove(stays.size() - 1);
            stays.add(new Stay(open.unitCode(), open.memberId(), open.fullName(), open.joinedOn(), leftOn));
        }
        return this;
    }

    /** Adds a record; the same record id again is ignored. */
    public LogFacts record(ParticipationRecorded event) {
        return record(event.recordId(), event.campaignId(), event.unitCode(), event.memberId(), event.kind(), event.occurredOn());
    }

    public LogFacts record(String recordId, String campaignId, String unitCode, String memberId, ParticipationKind kind, LocalDate occurredOn) {
        return record(new Record(recordId, campaignId, unitCode, memberId, kind, occurredOn));
    }

    /** Adds a record kept as a fact already (e.g. by a replay that holds a year's records); the same record id again is ignored. */
    public LogFacts record(Record record) {
        records.putIfAbsent(record.recordId(), record);
        return this;
    }

    Map<String, Campaign> campaigns() {
        return campaigns;
    }

    /** The campaigns added. */
    public java.util.Collection<Campaign> campaignList() {
        return campaigns.values();
    }

    Iterable<Record> records() {
        return records.values();
    }

    List<Stay> stays() {
        List<Stay> all = new ArrayList<>();
        staysByUnitMember.values().forEach(all::addAll);
        return all;
    }

    List<Stay> staysOf(String unitCode, String memberId) {
        return staysByUnitMember.getOrDefault(key(unitCode, memberId), List.of());
    }

    private static String key(String unitCode, String memberId) {
        return unitCode + "\u0000" + memberId;
    }
}
