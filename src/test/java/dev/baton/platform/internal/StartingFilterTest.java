package dev.baton.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

class StartingFilterTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final StartingFilter filter = new StartingFilter(this.availability, problems());

    @Test
    void aLogInBeforeBatonIsReadyIsToldToComeBackNotThatThePasswordIsWrong() throws Exception {
        MockHttpServletResponse response = send("/api/v1/auth/login", "en");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("https://baton.dev/problems/starting")
                .contains("Baton is still starting up; try again in 2 seconds.");
    }

    @Test
    void theMessageIsInChineseByDefault() throws Exception {
        assertThat(send("/api/v1/tickets", null).getContentAsString()).contains("Baton 正在启动，请 2 秒后重试。");
    }

    @Test
    void onceReadyRequestsPassAndPagesAreNeverHeldBack() throws Exception {
        MockFilterChain page = new MockFilterChain();
        this.filter.doFilter(request("/tickets/1", null), new MockHttpServletResponse(), page);
        assertThat(page.getRequest()).isNotNull();

        ready(ReadinessState.ACCEPTING_TRAFFIC);
        MockFilterChain api = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        this.filter.doFilter(request("/api/v1/tickets", null), response, api);
        assertThat(api.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void whileShuttingDownTheApiRefusesAgain() throws Exception {
        ready(ReadinessState.ACCEPTING_TRAFFIC);
        ready(ReadinessState.REFUSING_TRAFFIC);

        assertThat(send("/api/v1/tickets", "en").getStatus()).isEqualTo(503);
    }

    private MockHttpServletResponse send(String uri, String language) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        this.filter.doFilter(request(uri, language), response, chain);
        assertThat(chain.getRequest()).as("the request went no further").isNull();
        return response;
    }

    private static MockHttpServletRequest request(String uri, String language) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        if (language != null) {
            request.addHeader("Accept-Language", language);
        }
        return request;
    }

    private void ready(ReadinessState state) {
        this.availability.onApplicationEvent(new AvailabilityChangeEvent<>(new StaticApplicationContext(), state));
    }

    private static ProblemResponses problems() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasename("classpath:messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return new ProblemResponses(new Problems(messages), JsonMapper.builder().build(), locales);
    }
}
