package dev.baton.wecom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake corp's directory (通讯录): {@code /cgi-bin/department/list} (every department) and
 * {@code /cgi-bin/user/list?department_id=} (that department's members, no sub-departments), answered as WeCom does.
 * Tests set it up with {@link #department} and {@link #member}; {@link #clear()} starts over.
 */
public final class FakeDirectory {

    /** Checks the access token, answering WeCom's error itself when it is wrong. */
    interface Authoriser {
        boolean authorised(HttpExchange exchange) throws IOException;
    }

    interface Answerer {
        void answer(HttpExchange exchange, Map<String, Object> body) throws IOException;
    }

    public record Member(
            String userId,
            String name,
            String mobile,
            String email,
            int status,
            List<Long> departments,
            List<Long> leads) {}

    private final Map<Long, Map<String, Object>> departments = new ConcurrentHashMap<>();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final AtomicInteger memberListFailures = new AtomicInteger();
    private final Authoriser authoriser;
    private final Answerer answerer;

    FakeDirectory(HttpServer server, Authoriser authoriser, Answerer answerer) {
        this.authoriser = authoriser;
        this.answerer = answerer;
        server.createContext("/cgi-bin/department/list", this::departmentList);
        server.createContext("/cgi-bin/user/list", this::userList);
    }

    public void clear() {
        this.departments.clear();
        this.members.clear();
        this.memberListFailures.set(0);
    }

    public void department(long id, long parentId, String name, long order) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("name", name);
        d.put("parentid", parentId);
        d.put("order", order);
        this.departments.put(id, d);
    }

    public void member(Member member) {
        this.members.put(member.userId(), member);
    }

    public void remove(String userId) {
        this.members.remove(userId);
    }

    /** The next {@code calls} member lists answer "system busy". */
    public void failMemberLists(int calls) {
        this.memberListFailures.set(calls);
    }

    private void departmentList(HttpExchange exchange) throws IOException {
        if (this.authoriser.authorised(exchange)) {
            this.answerer.answer(
                    exchange,
                    Map.of("errcode", 0, "errmsg", "ok", "department", new ArrayList<>(this.departments.values())));
        }
    }

    private void userList(HttpExchange exchange) throws IOException {
        if (!this.authoriser.authorised(exchange)) {
            return;
        }
        if (this.memberListFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            this.answerer.answer(exchange, Map.of("errcode", -1, "errmsg", "system busy"));
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        long department = Long.parseLong(query.replaceAll(".*(?:^|&)department_id=([0-9]+).*", "$1"));
        if (!this.departments.containsKey(department)) {
            this.answerer.answer(exchange, Map.of("errcode", 60003, "errmsg", "department not found"));
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Member m : this.members.values()) {
            if (m.departments().contains(department)) {
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("userid", m.userId());
                u.put("name", m.name());
                u.put("mobile", m.mobile());
                u.put("email", m.email());
                u.put("status", m.status());
                u.put("department", m.departments());
                u.put(
                        "is_leader_in_dept",
                        m.departments().stream()
                                .map(d -> m.leads().contains(d) ? 1 : 0)
                                .toList());
                list.add(u);
            }
        }
        this.answerer.answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "userlist", list));
    }
}
