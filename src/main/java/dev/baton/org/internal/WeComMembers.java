package dev.baton.org.internal;

import dev.baton.org.DirectorySync;
import dev.baton.org.DirectorySync.Change;
import dev.baton.org.DirectorySync.Refused;
import dev.baton.org.DirectorySync.Result;
import dev.baton.platform.db.tables.records.DepartmentsRecord;
import dev.baton.platform.db.tables.records.UsersRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users half of {@link DirectorySync}. Only what WeCom owns is written: name, mobile, email, active, memberships
 * of departments from WeCom and their leaders; roles, skills, regions, the password and hand-made memberships stay.
 */
@Service
class WeComMembers {

    private final UserRepository users;
    private final ChildRows children;
    private final DirectoryRows rows;
    private final OrgCaches caches;
    private final Clock clock;

    WeComMembers(UserRepository users, ChildRows children, DirectoryRows rows, OrgCaches caches, Clock clock) {
        this.users = users;
        this.children = children;
        this.rows = rows;
        this.caches = caches;
        this.clock = clock;
    }

    @Transactional
    Result upsert(long tenantId, DirectorySync.Member m) {
        Map<Long, DepartmentsRecord> known = this.rows.departments(
                tenantId,
                m.departments().stream()
                        .map(DirectorySync.Membership::weComDepartmentId)
                        .toList());
        Set<Long> wanted = new LinkedHashSet<>();
        Set<Long> leads = new HashSet<>();
        for (var membership : m.departments()) {
            DepartmentsRecord d = known.get(membership.weComDepartmentId());
            if (d != null) {
                wanted.add(d.getId());
                if (membership.leader()) {
                    leads.add(d.getId());
                }
            }
        }
        String name = Objects.requireNonNull(cut(m.name().isBlank() ? m.userId() : m.name(), 100));
        String mobile = cut(m.mobile(), 32);
        String email = cut(m.email(), 254);
        Instant now = this.clock.instant();
        UsersRecord current = this.rows.user(tenantId, m.userId()).orElse(null);
        if (current == null) {
            var data = new UserData(
                    freeUsername(tenantId, m.userId()),
                    name,
                    mobile,
                    email,
                    m.userId(),
                    m.active(),
                    List.copyOf(wanted),
                    List.of(),
                    List.of(),
                    List.of());
            long id = this.users.insert(tenantId, data, null, now);
            this.children.replace(UserRepository.DEPARTMENTS_OF, tenantId, id, wanted);
            this.rows.linkUser(tenantId, id, now);
            leaders(tenantId, id, leads, now);
            this.caches.changed();
            return new Result(Change.CREATED, id);
        }
        long id = current.getId();
        List<Long> had = this.children
                .load(UserRepository.DEPARTMENTS_OF, tenantId, List.of(id))
                .getOrDefault(id, List.of());
        Map<Long, Long> fromWeCom = this.rows.weComIds(tenantId, had);
        Set<Long> next = new LinkedHashSet<>();
        had.stream().filter(d -> !fromWeCom.containsKey(d)).forEach(next::add);
        next.addAll(wanted);
        boolean membershipsChanged = !new HashSet<>(had).equals(next);
        boolean changed = membershipsChanged
                || !current.getDisplayName().equals(name)
                || !Objects.equals(current.getMobile(), mobile)
                || !Objects.equals(current.getEmail(), email)
                || current.getActive() != m.active();
        if (changed) {
            var data = new UserData(
                    current.getUsername(),
                    name,
                    mobile,
                    email,
                    m.userId(),
                    m.active(),
                    List.copyOf(next),
                    List.of(),
                    List.of(),
                    List.of());
            if (!this.users.update(tenantId, id, current.getVersion(), data, null, now)) {
                throw new Refused("user " + id + " changed meanwhile");
            }
            if (membershipsChanged) {
                this.children.replace(UserRepository.DEPARTMENTS_OF, tenantId, id, next);
            }
        }
        this.rows.linkUser(tenantId, id, now);
        boolean leadersChanged = leaders(tenantId, id, leads, now);
        if (!changed && !leadersChanged) {
            return new Result(Change.UNCHANGED, id);
        }
        this.caches.changed();
        return new Result(Change.UPDATED, id);
    }

    @Transactional(readOnly = true)
    Optional<DirectorySync.Member> find(long tenantId, String userId) {
        return this.rows.user(tenantId, userId).map(u -> {
            List<Long> had = this.children
                    .load(UserRepository.DEPARTMENTS_OF, tenantId, List.of(u.getId()))
                    .getOrDefault(u.getId(), List.of());
            Map<Long, Long> fromWeCom = this.rows.weComIds(tenantId, had);
            Set<Long> led = new HashSet<>(this.rows.ledBy(tenantId, u.getId()));
            List<DirectorySync.Membership> memberships = had.stream()
                    .filter(fromWeCom::containsKey)
                    .map(d -> new DirectorySync.Membership(fromWeCom.get(d), led.contains(d)))
                    .toList();
            return new DirectorySync.Member(
                    userId, u.getDisplayName(), u.getMobile(), u.getEmail(), u.getActive(), memberships);
        });
    }

    @Transactional
    boolean rename(long tenantId, String from, String to) {
        UsersRecord current = this.rows.user(tenantId, from).orElse(null);
        if (current == null || from.equals(to)) {
            return false;
        }
        if (this.rows.user(tenantId, to).isPresent()) {
            throw new Refused("WeCom id " + to + " already belongs to another user");
        }
        this.rows.rename(tenantId, current.getId(), to, this.clock.instant());
        this.caches.changed();
        return true;
    }

    @Transactional
    boolean deactivate(long tenantId, String userId) {
        UsersRecord u = this.rows.user(tenantId, userId).orElse(null);
        if (u == null || !u.getActive()) {
            return false;
        }
        var data = new UserData(
                u.getUsername(),
                u.getDisplayName(),
                u.getMobile(),
                u.getEmail(),
                u.getWecomUserId(),
                false,
                List.of(),
                List.of(),
                List.of(),
                List.of());
        if (!this.users.update(tenantId, u.getId(), u.getVersion(), data, null, this.clock.instant())) {
            throw new Refused("user " + u.getId() + " changed meanwhile");
        }
        this.caches.changed();
        return true;
    }

    @Transactional
    int deactivateMissing(long tenantId, Set<String> present) {
        int count = 0;
        for (String userId : this.rows.linkedActive(tenantId)) {
            if (!present.contains(userId) && deactivate(tenantId, userId)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The member leads the WeCom departments WeCom says they lead, where no one leads yet (the first of several
     * leaders wins), and stops leading the WeCom departments it no longer says; true when a leader changed.
     */
    private boolean leaders(long tenantId, long userId, Set<Long> leads, Instant now) {
        boolean changed = false;
        for (long d : leads) {
            changed |= this.rows.replaceLeader(tenantId, d, null, userId, now);
        }
        List<Long> led = this.rows.ledBy(tenantId, userId);
        for (long d : this.rows.weComIds(tenantId, led).keySet()) {
            if (!leads.contains(d)) {
                changed |= this.rows.replaceLeader(tenantId, d, userId, null, now);
            }
        }
        return changed;
    }

    /** The WeCom id itself when it is a valid, free username; otherwise {@code wecom.<id>}, numbered if need be. */
    private String freeUsername(long tenantId, String userId) {
        if (userId.matches(UserCommand.USERNAME) && !this.rows.usernameTaken(tenantId, userId)) {
            return userId;
        }
        String base = cut("wecom." + userId.replaceAll("[^A-Za-z0-9._-]", "_"), 60);
        for (int n = 1; n <= 20; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (!this.rows.usernameTaken(tenantId, candidate)) {
                return candidate;
            }
        }
        throw new Refused("no free username for WeCom id " + userId);
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
