package dev.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PageQueryTest {

    private static final Set<String> KEYS = Set.of("name", "createdAt");

    @Test
    void defaultsToTheFirstPageOfTwentyInTheDefaultOrder() {
        PageQuery q = PageQuery.of(null, null, null, KEYS, "createdAt,desc");

        assertThat(q).isEqualTo(new PageQuery(0, 20, "createdAt", false));
        assertThat(PageQuery.of(3, 10, "name", KEYS, "createdAt").offset()).isEqualTo(30);
    }

    @Test
    void reportsEveryBadParameter() {
        assertThatThrownBy(() -> PageQuery.of(-1, 0, "secret,sideways", KEYS, "name"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("page", "size", "sort", "sort"));
    }
}
