package dev.baton.wecom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeCom's API as far as Baton uses it, on a local port: {@code /cgi-bin/gettoken} hands out a token and
 * {@code /cgi-bin/message/send} records each message (text cards, and template cards of type
 * {@code button_interaction}, refused with errcode 40058 without a title, buttons or a fresh valid task id). Users
 * can be made unknown (errcode 81013), unlicensed (an {@code unlicenseduser} answer) or the whole API busy
 * (errcode -1). It also hands out the corp's and the app's JS-SDK tickets, exchanges OAuth codes for member ids
 * ({@code /cgi-bin/auth/getuserinfo}), and can end its access token early (errcode 42001). External contacts and
 * customer group chats are {@link FakeCustomers}; {@link FakeTrouble} makes any call fail or go unanswered.
 */
public final class FakeWeCom {

    public static final String CORP_ID = "wwfakecorp";
    public static final String SECRET = "fake-secret";
    public static final int AGENT_ID = 1000002;
    public static final String JSAPI_TICKET = "fake-corp-jsapi-ticket";
    public static final String AGENT_TICKET = "fake-agent-jsapi-ticket";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private final Set<String> unlicensed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger tickets = new AtomicInteger();
    /** The valid access token; the ones handed out before it answer 42001 (expired). */
    private final AtomicReference<String> token = new AtomicReference<>("fake-access-token");

    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final Map<String, String> oauthCodes = new ConcurrentHashMap<>();
    private final Set<String> taskIds = ConcurrentHashMap.newKeySet();
    private final FakeTrouble trouble = new FakeTrouble();
    private final FakeCustomers customers = new FakeCustomers(this::authorised);
    /** The corp's departments and members, for "sync directory". */
    public final FakeDirectory directory;

    public FakeWeCom() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server.createContext("/cgi-bin/gettoken", this::token);
        this.server.createContext("/cgi-bin/message/send", this::send);
        this.server.createContext("/cgi-bin/get_jsapi_ticket", e -> ticket(e, JSAPI_TICKET));
        this.server.createContext("/cgi-bin/ticket/get", e -> ticket(e, AGENT_TICKET));
        this.server.createContext("/cgi-bin/auth/getuserinfo", this::userInfo);
        this.customers.routes(this.server);
        // a stalled answer must not hold up the others
        this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        this.directory = new FakeDirectory(this.server, this::authorised, FakeWeCom::answer);
        this.server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    /** Messages WeCom accepted, in order, as the JSON Baton posted. */
    public List<JsonNode> sentTo(String weComUserId) {
        return this.sent.stream()
                .filter(m -> List.of(m.path("touser").asString().split("\\|")).contains(weComUserId))
                .toList();
    }

    public void unknownUser(String weComUserId) {
        this.unknown.add(weComUserId);
    }

    public void unlicensedUser(String weComUserId) {
        this.unlicensed.add(weComUserId);
    }

    /** The next {@code calls} sends answer "system busy". */
    public void busyFor(int calls) {
        this.busy.set(calls);
    }

    public int tokensIssued() {
        return this.tokens.get();
    }

    /** How many JS-SDK tickets (the corp's and the app's) were handed out. */
    public int ticketsIssued() {
        return this.tickets.get();
    }

    /** WeCom ends the current access token early: calls with it answer 42001 and the next gettoken gets a new one. */
    public void expireToken() {
        String old = this.token.getAndUpdate(t -> "fake-access-token-" + (this.tokens.get() + 1));
        this.expired.add(old);
    }

    /** The external contacts and customer group chats of the fake corp. */
    public FakeCustomers customers() {
        return this.customers;
    }

    /** Errors and silences to hand out instead of answers. */
    public FakeTrouble trouble() {
        return this.trouble;
    }

    /** An OAuth code WeCom gave the browser of this member; it can be exchanged once. */
    public String oauthCode(String weComUserId) {
        String code = "code-" + weComUserId + "-" + this.oauthCodes.size();
        this.oauthCodes.put(code, weComUserId);
        return code;
    }

    private void token(HttpExchange exchange) throws IOException {
        if (this.trouble.strikes(exchange)) {
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        if (query == null || !query.contains("corpid=" + CORP_ID) || !query.contains("corpsecret=" + SECRET)) {
            answer(exchange, Map.of("errcode", 40001, "errmsg", "invalid credential"));
            return;
        }
        this.tokens.incrementAndGet();
        answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "access_token", this.token.get(), "expires_in", 7200));
    }

    /** Whether the call carries the valid access token; answers WeCom's error when it does not. */
    private boolean authorised(HttpExchange exchange) throws IOException {
        if (this.trouble.strikes(exchange)) {
            return false;
        }
        String query = exchange.getRequestURI().getQuery();
        String given = query == null
                ? ""
                : java.util.Arrays.stream(query.split("&"))
                        .filter(p -> p.startsWith("access_token="))
                        .map(p -> p.substring("access_token=".length()))
                        .findFirst()
                        .orElse("");
        if (given.equals(this.token.get())) {
            return true;
        }
        if (this.expired.contains(given)) {
            answer(exchange, Map.of("errcode", 42001, "errmsg", "access_token expired"));
        } else {
            answer(exchange, Map.of("errcode", 40014, "errmsg", "invalid access_token"));
        }
        return false;
    }

    private void ticket(HttpExchange exchange, String ticket) throws IOException {
        if (authorised(exchange)) {
            this.tickets.incrementAndGet();
            answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "ticket", ticket, "expires_in", 7200));
        }
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        String code = query == null ? "" : query.replaceAll(".*(?:^|&)code=([^&]*).*", "$1");
        String user = this.oauthCodes.remove(code);
        if (user == null) {
            answer(exchange, Map.of("errcode", 40029, "errmsg", "invalid code"));
            return;
        }
        answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "userid", user, "user_ticket", "ut-" + code));
    }

    private void send(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        if (this.busy.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, Map.of("errcode", -1, "errmsg", "system busy"));
            return;
        }
        JsonNode message = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String user = message.path("touser").asString();
        if (this.unknown.contains(user)) {
            answer(exchange, Map.of("errcode", 81013, "errmsg", "user & party & tag all invalid"));
            return;
        }
        String invalid = invalidCard(message);
        if (invalid != null) {
            answer(exchange, Map.of("errcode", 40058, "errmsg", "invalid parameter: " + invalid));
            return;
        }
        if (this.unlicensed.contains(user)) {
            answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "unlicenseduser", user, "msgid", "m1"));
            return;
        }
        this.sent.add(message);
        answer(exchange, Map.of("errcode", 0, "errmsg", "ok", "invaliduser", "", "msgid", "m" + this.sent.size()));
    }

    /** What WeCom would refuse in a template card, or null; text cards pass. */
    private String invalidCard(JsonNode message) {
        if (!message.path("msgtype").asString().equals("template_card")) {
            return null;
        }
        JsonNode card = message.path("template_card");
        String taskId = card.path("task_id").asString();
        if (!card.path("card_type").asString().equals("button_interaction")) {
            return "card_type";
        }
        if (card.at("/main_title/title").asString().isEmpty()) {
            return "main_title.title";
        }
        if (!taskId.matches("[A-Za-z0-9_@-]{1,128}") || !this.taskIds.add(taskId)) {
            return "task_id";
        }
        JsonNode buttons = card.path("button_list");
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > 6) {
            return "button_list";
        }
        for (JsonNode b : buttons) {
            boolean link = b.path("type").asInt() == 1;
            if (b.path("text").asString().isEmpty()
                    || (link
                            ? b.path("url").asString().isEmpty()
                            : b.path("key").asString().isEmpty())) {
                return "button_list.button";
            }
        }
        return null;
    }

    static void answer(HttpExchange exchange, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
