package dev.baton.wecom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake corp's external contacts (客户) and customer group chats (客户群), served as WeCom does:
 * {@code externalcontact/get_follow_user_list}, {@code batch/get_by_user} (one entry per contact and follower, paged
 * by cursor), {@code get} (the contact with its followers, two followers a page by cursor), {@code groupchat/list}
 * (paged by cursor) and {@code groupchat/get}. A contact nobody follows any more answers 84061. {@link #pageSize}
 * makes the pages small so that paging is exercised with a handful of contacts.
 */
public final class FakeCustomers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FOLLOWERS_PER_PAGE = 2;

    interface Gate {
        boolean authorised(HttpExchange exchange) throws IOException;
    }

    /** An employee who added the contact, with the remark mobile, remark corp and tag names they gave it. */
    public record Follower(
            String userId, long createTime, String remarkMobile, String remarkCorpName, List<String> tags) {}

    private record Contact(String id, String name, String corpName, List<Follower> followers) {}

    private record Chat(String id, String name, String owner, List<String> externalMembers) {}

    private final Gate gate;
    private final Map<String, Contact> contacts = new ConcurrentSkipListMap<>();
    private final Map<String, Chat> chats = new ConcurrentSkipListMap<>();
    private volatile int pageSize = 1000;

    FakeCustomers(Gate gate) {
        this.gate = gate;
    }

    void routes(HttpServer server) {
        server.createContext("/cgi-bin/externalcontact/get_follow_user_list", this::followUsers);
        server.createContext("/cgi-bin/externalcontact/batch/get_by_user", this::batch);
        server.createContext("/cgi-bin/externalcontact/get", this::contact);
        server.createContext("/cgi-bin/externalcontact/groupchat/list", this::chatList);
        server.createContext("/cgi-bin/externalcontact/groupchat/get", this::chat);
    }

    public static Follower follower(String userId, long createTime, String remarkMobile, String... tags) {
        return new Follower(userId, createTime, remarkMobile, "", List.of(tags));
    }

    /** Adds the contact, or replaces it (an edit in WeCom). */
    public void put(String externalUserId, String name, String corpName, Follower... followers) {
        this.contacts.put(externalUserId, new Contact(externalUserId, name, corpName, List.of(followers)));
    }

    /** The employee deleted the contact, or the contact the employee; with no follower left WeCom forgets it. */
    public void unfollow(String externalUserId, String userId) {
        Contact c = this.contacts.get(externalUserId);
        if (c == null) {
            return;
        }
        List<Follower> left =
                c.followers().stream().filter(f -> !f.userId().equals(userId)).toList();
        if (left.isEmpty()) {
            this.contacts.remove(externalUserId);
        } else {
            this.contacts.put(externalUserId, new Contact(c.id(), c.name(), c.corpName(), left));
        }
    }

    public void putChat(String chatId, String name, String owner, String... externalMembers) {
        this.chats.put(chatId, new Chat(chatId, name, owner, List.of(externalMembers)));
    }

    public void dismissChat(String chatId) {
        this.chats.remove(chatId);
    }

    /** Forgets every contact and chat (the fake is shared by all WeCom tests). */
    public void clear() {
        this.contacts.clear();
        this.chats.clear();
        this.pageSize = 1000;
    }

    /** At most this many entries a page, whatever Baton asks for. */
    public void pageSize(int size) {
        this.pageSize = size;
    }

    private void followUsers(HttpExchange exchange) throws IOException {
        if (!this.gate.authorised(exchange)) {
            return;
        }
        List<String> users = this.contacts.values().stream()
                .flatMap(c -> c.followers().stream())
                .map(Follower::userId)
                .distinct()
                .sorted()
                .toList();
        FakeWeCom.answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "follow_user", users));
    }

    private void batch(HttpExchange exchange) throws IOException {
        if (!this.gate.authorised(exchange)) {
            return;
        }
        JsonNode body = body(exchange);
        List<String> users = new ArrayList<>();
        body.path("userid_list").forEach(u -> users.add(u.asString()));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Contact c : this.contacts.values()) {
            for (Follower f : c.followers()) {
                if (users.contains(f.userId())) {
                    entries.add(Map.of("external_contact", external(c), "follow_info", followInfo(f)));
                }
            }
        }
        int limit = Math.min(this.pageSize, body.path("limit").asInt(50));
        page(exchange, "external_contact_list", entries, body.path("cursor").asString(""), limit);
    }

    private void contact(HttpExchange exchange) throws IOException {
        if (!this.gate.authorised(exchange)) {
            return;
        }
        Map<String, String> query = query(exchange);
        Contact c = this.contacts.get(query.getOrDefault("external_userid", ""));
        if (c == null) {
            FakeWeCom.answer(exchange, Map.of("errcode", 84061, "errmsg", "not external contact"));
            return;
        }
        int from = query.getOrDefault("cursor", "").isEmpty() ? 0 : Integer.parseInt(query.get("cursor"));
        int to = Math.min(c.followers().size(), from + FOLLOWERS_PER_PAGE);
        List<Map<String, Object>> followers = new ArrayList<>();
        for (Follower f : c.followers().subList(from, to)) {
            Map<String, Object> user = new LinkedHashMap<>(followInfo(f));
            user.remove("tag_id");
            user.put(
                    "tags",
                    f.tags().stream()
                            .map(t -> Map.of(
                                    "group_name", "客户等级", "tag_name", t, "tag_id", "et" + t.hashCode(), "type", 1))
                            .toList());
            followers.add(user);
        }
        FakeWeCom.answer(
                exchange,
                Map.of(
                        "errcode",
                        0,
                        "errmsg",
                        "ok",
                        "external_contact",
                        external(c),
                        "follow_user",
                        followers,
                        "next_cursor",
                        to < c.followers().size() ? String.valueOf(to) : ""));
    }

    private void chatList(HttpExchange exchange) throws IOException {
        if (!this.gate.authorised(exchange)) {
            return;
        }
        JsonNode body = body(exchange);
        List<Map<String, Object>> all = this.chats.keySet().stream()
                .map(id -> Map.<String, Object>of("chat_id", id, "status", 0))
                .toList();
        int limit = Math.min(this.pageSize, body.path("limit").asInt(100));
        page(exchange, "group_chat_list", all, body.path("cursor").asString(""), limit);
    }

    private void chat(HttpExchange exchange) throws IOException {
        if (!this.gate.authorised(exchange)) {
            return;
        }
        Chat c = this.chats.get(body(exchange).path("chat_id").asString(""));
        if (c == null) {
            FakeWeCom.answer(exchange, Map.of("errcode", 40050, "errmsg", "chatid not found"));
            return;
        }
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(Map.of("userid", c.owner(), "type", 1, "join_time", 1733000000, "join_scene", 1));
        for (String m : c.externalMembers()) {
            members.add(Map.of("userid", m, "type", 2, "join_time", 1733000000, "join_scene", 1, "name", "客户 " + m));
        }
        FakeWeCom.answer(
                exchange,
                Map.of(
                        "errcode",
                        0,
                        "errmsg",
                        "ok",
                        "group_chat",
                        Map.of(
                                "chat_id",
                                c.id(),
                                "name",
                                c.name(),
                                "owner",
                                c.owner(),
                                "create_time",
                                1733000000,
                                "member_list",
                                members,
                                "admin_list",
                                List.of())));
    }

    private static void page(HttpExchange exchange, String key, List<Map<String, Object>> all, String cursor, int limit)
            throws IOException {
        int from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + Math.max(1, limit));
        Map<String, Object> answer = new HashMap<>();
        answer.put("errcode", 0);
        answer.put("errmsg", "ok");
        answer.put(key, all.subList(Math.min(from, to), to));
        answer.put("next_cursor", to < all.size() ? String.valueOf(to) : "");
        FakeWeCom.answer(exchange, answer);
    }

    private static Map<String, Object> external(Contact c) {
        Map<String, Object> out = new TreeMap<>();
        out.put("external_userid", c.id());
        out.put("name", c.name());
        out.put("type", c.corpName().isEmpty() ? 1 : 2);
        out.put("gender", 0);
        if (!c.corpName().isEmpty()) {
            out.put("corp_name", c.corpName());
        }
        return out;
    }

    private static Map<String, Object> followInfo(Follower f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userid", f.userId());
        out.put("remark", "");
        out.put("createtime", f.createTime());
        out.put("remark_corp_name", f.remarkCorpName());
        out.put("remark_mobiles", f.remarkMobile().isEmpty() ? List.of() : List.of(f.remarkMobile()));
        out.put("tag_id", f.tags().stream().map(t -> "et" + t.hashCode()).toList());
        out.put("add_way", 1);
        return out;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return JSON.readTree(text.isEmpty() ? "{}" : text);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        String q = exchange.getRequestURI().getRawQuery();
        if (q != null) {
            for (String p : q.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    out.put(
                            p.substring(0, eq),
                            java.net.URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
